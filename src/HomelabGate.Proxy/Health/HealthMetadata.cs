namespace HomelabGate.Proxy.Health;

/// <summary>Cluster metadata keys through which a pool's health and connection settings reach YARP's extension points.</summary>
public static class HealthMetadata
{
    public const string Policy = "HomelabGate.StatusRange";
    public const string MinStatus = "HomelabGate.Health.MinStatus";
    public const string MaxStatus = "HomelabGate.Health.MaxStatus";
    public const string HealthyThreshold = "HomelabGate.Health.HealthyThreshold";
    public const string UnhealthyThreshold = "HomelabGate.Health.UnhealthyThreshold";
    public const string ConnectTimeout = "HomelabGate.ConnectTimeout";
    public const string CaFile = "HomelabGate.CaFile";
}
