using System.Globalization;
using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace HomelabGate.Proxy.Routing;

/// <summary>Maps a pool onto a YARP cluster, using YARP's own balancing, health checks, affinity and HttpClient settings.</summary>
public sealed class ClusterMapper
{
    public ClusterConfig Map(UpstreamPool pool)
    {
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal);
        for (var i = 0; i < pool.Targets.Count; i++)
        {
            var target = pool.Targets[i];
            // YARP has no weights; a target of weight w appears w times, which every balancing policy then honours.
            for (var copy = 0; copy < target.Weight; copy++)
            {
                destinations[$"t{i:D3}-{copy:D3}"] = new DestinationConfig { Address = target.Url };
            }
        }
        return new ClusterConfig
        {
            ClusterId = pool.Name,
            LoadBalancingPolicy = pool.LoadBalancing switch
            {
                LoadBalancing.LeastRequests => LoadBalancingPolicies.LeastRequests,
                LoadBalancing.Random => LoadBalancingPolicies.Random,
                LoadBalancing.PowerOfTwo => LoadBalancingPolicies.PowerOfTwoChoices,
                LoadBalancing.First => LoadBalancingPolicies.FirstAlphabetical,
                _ => LoadBalancingPolicies.RoundRobin,
            },
            Destinations = destinations,
            HealthCheck = HealthCheck(pool),
            SessionAffinity = pool.StickyCookie is { } cookie
                ? new SessionAffinityConfig { Enabled = true, Policy = "Cookie", AffinityKeyName = cookie }
                : null,
            HttpClient = new HttpClientConfig { DangerousAcceptAnyServerCertificate = pool.Tls.SkipVerify },
            HttpRequest = pool.ResponseTimeout is { } timeout ? new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = timeout } : null,
            Metadata = Metadata(pool),
        };
    }

    private static HealthCheckConfig? HealthCheck(UpstreamPool pool)
    {
        if (pool.HealthCheck is null && pool.PassiveHealth is null)
        {
            return null;
        }
        return new HealthCheckConfig
        {
            Active = pool.HealthCheck is { } active ? new ActiveHealthCheckConfig
            {
                Enabled = true, Interval = active.Interval, Timeout = active.Timeout, Path = active.Path, Policy = HealthMetadata.Policy,
            } : null,
            Passive = pool.PassiveHealth is { } passive ? new PassiveHealthCheckConfig
            {
                Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = passive.Reactivation,
            } : null,
        };
    }

    private static Dictionary<string, string>? Metadata(UpstreamPool pool)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pool.HealthCheck is { } active)
        {
            metadata[HealthMetadata.MinStatus] = active.MinStatus.ToString(CultureInfo.InvariantCulture);
            metadata[HealthMetadata.MaxStatus] = active.MaxStatus.ToString(CultureInfo.InvariantCulture);
            metadata[HealthMetadata.HealthyThreshold] = active.HealthyThreshold.ToString(CultureInfo.InvariantCulture);
            metadata[HealthMetadata.UnhealthyThreshold] = active.UnhealthyThreshold.ToString(CultureInfo.InvariantCulture);
        }
        if (pool.ConnectTimeout is { } connect)
        {
            metadata[HealthMetadata.ConnectTimeout] = connect.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        }
        if (pool.Tls.CaFile is { } caFile)
        {
            metadata[HealthMetadata.CaFile] = caFile;
        }
        return metadata.Count == 0 ? null : metadata;
    }
}
