using System.Globalization;

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
    public const string ServerName = "HomelabGate.ServerName";
    public const string IdleUpgraded = "HomelabGate.IdleUpgraded";
    public const string ConsecutiveFailures = "HomelabGate.Passive.ConsecutiveFailures";

    /// <summary>The pool in the manifest's words for log lines: "host nas" for a host's <c>to:</c>, else "upstream media".</summary>
    public const string Display = "HomelabGate.Display";

    /// <summary>Our passive policy: consecutive failed requests (<see cref="ConsecutiveFailuresPolicy"/>).</summary>
    public const string PassivePolicy = "HomelabGate.ConsecutiveFailures";

    /// <summary>An integer setting from a cluster's metadata, or <paramref name="fallback"/>.</summary>
    public static int Read(IReadOnlyDictionary<string, string>? metadata, string key, int fallback) =>
        metadata is not null && metadata.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
