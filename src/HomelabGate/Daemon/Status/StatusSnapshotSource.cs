using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Proxy;
using HomelabGate.Proxy.Routing;
using HomelabGate.Status;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Status;

/// <summary>Captures a <see cref="StatusSnapshot"/> from the daemon's own record (<see cref="DaemonStatus"/>), the
/// configuration being served and YARP's live cluster state.</summary>
public sealed class StatusSnapshotSource(DaemonStatus status, ProxyReconciler proxy, IProxyStateLookup proxyState, GatePaths paths, TimeProvider time,
    Cluster.ClusterStatusSource cluster)
{
    public StatusSnapshot Capture()
    {
        var hosts = (proxy.Serving?.All<ProxyHost>() ?? []).Select(h => new HostStatus(
            h.Name,
            [.. h.Domains],
            [.. new[] { h.Upstream }.Concat(h.Locations.Select(l => l.Upstream)).OfType<string>().Distinct(StringComparer.Ordinal)],
            h.Respond?.Status,
            h.Redirect?.To)).ToList();
        var upstreams = proxyState.GetClusters()
            .Where(c => c.ClusterId != YarpConfigMapper.InternalCluster)
            .OrderBy(c => c.ClusterId, StringComparer.Ordinal)
            .Select(c => new UpstreamStatus(c.ClusterId, [.. c.Destinations.Values
                .DistinctBy(d => d.Model.Config.Address)
                .Select(d => new TargetStatus(d.Model.Config.Address, Verdict(d.Health)))]))
            .ToList();
        var history = status.History();
        return new StatusSnapshot(time.GetUtcNow(), status.StartedAt, status.Ready, paths.ManifestPath, status.ServingManifestHash, status.ServingContentHash,
            hosts, upstreams, status.Certificates, status.Dns, status.Last, history.FirstOrDefault(),
            history.FirstOrDefault(o => o.Result == ReconcileResult.Applied), status.CurrentDiagnostics) { Cluster = cluster.Capture() };
    }

    /// <summary>Active checks decide when they run; otherwise passive ones; unknown until either has an opinion.</summary>
    private static TargetHealth Verdict(DestinationHealthState health)
    {
        var verdict = health.Active != DestinationHealth.Unknown ? health.Active : health.Passive;
        return verdict switch
        {
            DestinationHealth.Healthy => TargetHealth.Healthy,
            DestinationHealth.Unhealthy => TargetHealth.Unhealthy,
            _ => TargetHealth.Unknown,
        };
    }
}
