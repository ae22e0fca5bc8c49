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
    Cluster.ClusterStatusSource cluster, Proxy.Health.TargetFailures failures)
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
                .GroupBy(d => d.Model.Config.Address, StringComparer.Ordinal)
                .Select(copies => Target(c.ClusterId, copies.Key, copies))]))
            .ToList();
        var history = status.History();
        return new StatusSnapshot(time.GetUtcNow(), status.StartedAt, status.Ready, paths.ManifestPath, status.ServingManifestHash, status.ServingContentHash,
            hosts, upstreams, status.Certificates, status.Dns, status.Last, history.FirstOrDefault(),
            history.FirstOrDefault(o => o.Result == ReconcileResult.Applied), status.CurrentDiagnostics) { Cluster = cluster.Capture() };
    }

    private TargetStatus Target(string pool, string url, IEnumerable<DestinationState> copies)
    {
        var report = failures.Report(pool, url);
        return new TargetStatus(url, Verdict([.. copies.Select(d => d.Health)], report?.Failing == true)) { Problem = report?.Problem };
    }

    /// <summary>Unhealthy when a health check says so, or while its requests keep failing (also after the passive
    /// check's reactivation period let it be tried again: it stays unhealthy until something succeeds); healthy when
    /// a probe or a request succeeded; unknown until then.</summary>
    private static TargetHealth Verdict(IReadOnlyList<DestinationHealthState> copies, bool failing)
    {
        if (failing || copies.All(h => h.Active == DestinationHealth.Unhealthy || h.Passive == DestinationHealth.Unhealthy))
        {
            return TargetHealth.Unhealthy;
        }
        return copies.Any(h => h.Active == DestinationHealth.Healthy || (h.Active == DestinationHealth.Unknown && h.Passive == DestinationHealth.Healthy))
            ? TargetHealth.Healthy
            : TargetHealth.Unknown;
    }
}
