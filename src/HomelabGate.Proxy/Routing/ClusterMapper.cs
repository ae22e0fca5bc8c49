using System.Globalization;
using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
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
                LoadBalancing.RoundRobin => LoadBalancingPolicies.RoundRobin,
                var other => throw new ArgumentOutOfRangeException(nameof(pool), other, "unknown load balancing"),
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

    /// <summary>Passive health is on for every pool. A target that is down is left out while others are up; when every
    /// target is down all get traffic again (YARP's HealthyOrPanic), so a pool of one never answers 503 for a target
    /// that may have come back — its health is still reported.</summary>
    private static HealthCheckConfig HealthCheck(UpstreamPool pool) => new()
    {
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        Active = pool.HealthCheck is { } active ? new ActiveHealthCheckConfig
        {
            Enabled = true, Interval = active.Interval, Timeout = active.Timeout, Path = active.Path, Policy = HealthMetadata.Policy,
        } : null,
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true, Policy = HealthMetadata.PassivePolicy, ReactivationPeriod = (pool.PassiveHealth ?? PassiveHealthCheck.Default).Reactivation,
        },
    };

    private static Dictionary<string, string> Metadata(UpstreamPool pool)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HealthMetadata.Display] = pool.Inline ? $"host {pool.Name.Split(':', 2)[1].Split('/')[0]}" : $"upstream {pool.Name}",
            [HealthMetadata.ConsecutiveFailures] = (pool.PassiveHealth ?? PassiveHealthCheck.Default).ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
        };
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
        if (pool.Tls.ServerName is { } serverName)
        {
            metadata[HealthMetadata.ServerName] = serverName;
        }
        if (pool.IdleUpgradedTimeout is { } idle)
        {
            metadata[HealthMetadata.IdleUpgraded] = idle.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        }
        return metadata;
    }
}
