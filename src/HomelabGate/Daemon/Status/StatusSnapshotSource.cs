using HomelabGate.Application;
using HomelabGate.Daemon.Health;
using HomelabGate.Daemon.Metrics;
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
    TargetProblems problems, RequestMetrics requests, UpstreamOwners owners, Cluster.ClusterStatusSource cluster,
    Proxy.Health.TargetFailures failures)
{
    public StatusSnapshot Capture()
    {
        var served = proxy.Serving ?? DesiredState.Empty;
        var hosts = ServedConfiguration.Hosts(served);
        var upstreams = proxyState.GetClusters()
            .Where(c => c.ClusterId != YarpConfigMapper.InternalCluster)
            .OrderBy(c => c.ClusterId, StringComparer.Ordinal)
            .Select(c => new UpstreamStatus(c.ClusterId, [.. c.Destinations.Values
                .GroupBy(d => d.Model.Config.Address, StringComparer.Ordinal)
                .Select(copies => new TargetStatus(copies.Key, Verdict(copies, failures.Report(c.ClusterId, copies.Key)?.Failing == true)) { Problem = problems.Last(c.ClusterId, copies.Key) })])
            {
                Owner = owners.Describe(c.ClusterId),
            })
            .ToList();
        var history = status.History();
        return new StatusSnapshot(time.GetUtcNow(), status.StartedAt, status.Ready, paths.ManifestPath, status.ServingManifestHash, status.ServingContentHash,
            hosts, upstreams, status.Certificates, status.Dns, status.Last, history.FirstOrDefault(),
            history.FirstOrDefault(o => o.Result == ReconcileResult.Applied), status.CurrentDiagnostics)
        {
            Streams = ServedConfiguration.Streams(served),
            AccessLists = ServedConfiguration.AccessLists(served),
            CertificateUses = ServedConfiguration.CertificateUses(served, hosts),
            Traffic = requests.ByHost(),
            Cluster = cluster.Capture(),
        };
    }

    /// <summary>Unhealthy when no copy of the target gets traffic (either verdict says so), or while its requests keep
    /// failing (also after the passive check's reactivation period let it be tried again: it stays unhealthy until a
    /// request succeeds); healthy when a verdict says so; unknown until one has an opinion.</summary>
    private static TargetHealth Verdict(IEnumerable<DestinationState> copies, bool failing)
    {
        var states = copies.Select(d => d.Health).ToList();
        return failing || states.All(TargetVerdict.IsDown) ? TargetHealth.Unhealthy
            : states.Any(h => h.Active == DestinationHealth.Healthy || (h.Active == DestinationHealth.Unknown && h.Passive == DestinationHealth.Healthy)) ? TargetHealth.Healthy
            : TargetHealth.Unknown;
    }
}
