using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Tests.Proxy.Health;

/// <summary>YARP's live state of one pool, as its health policies see it.</summary>
internal static class HealthTestPool
{
    public static ClusterState Cluster(IReadOnlyDictionary<string, string> metadata, TimeSpan? reactivation = null) =>
        new("pool", new ClusterModel(new ClusterConfig
        {
            ClusterId = "pool",
            Metadata = metadata,
            HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true, ReactivationPeriod = reactivation } },
        }, new HttpMessageInvoker(new HttpClientHandler())));

    public static DestinationState Target(string id, string url = "http://10.0.0.5:8096") =>
        new(id, new DestinationModel(new DestinationConfig { Address = url }));
}
