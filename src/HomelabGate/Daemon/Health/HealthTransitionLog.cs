using HomelabGate.Core.Desired;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Health;

/// <summary>Wraps YARP's health updater, the one place every verdict passes (active probes and failed requests alike),
/// and logs each target that goes out of or back into rotation: one line with the host, the target, why, and where
/// the traffic goes now. A target with several weight copies counts as down when all of them are.</summary>
/// <param name="owners">Asked only when a line is written: the names come from the served configuration, whose
/// services need this updater, so it cannot be a constructor dependency.</param>
public sealed class HealthTransitionLog(IDestinationHealthUpdater inner, TargetProblems problems, Func<UpstreamOwners> owners,
    ILogger<HealthTransitionLog> logger) : IDestinationHealthUpdater
{
    public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
    {
        var updates = newHealthStates.ToList();
        var wasDown = DownTargets(cluster);
        inner.SetActive(cluster, updates);
        var isDown = DownTargets(cluster);
        foreach (var url in updates.Select(u => u.Destination.Model.Config.Address).Distinct(StringComparer.Ordinal))
        {
            if (isDown.Contains(url) && !wasDown.Contains(url))
            {
                HealthLog.ProbeFailed(logger, owners().Describe(cluster.ClusterId), TargetProblem.Redact(url),
                    problems.Last(cluster.ClusterId, url) ?? "no answer in time", Next(cluster, isDown));
            }
            else if (wasDown.Contains(url) && !isDown.Contains(url))
            {
                HealthLog.Recovered(logger, owners().Describe(cluster.ClusterId), TargetProblem.Redact(url));
            }
        }
    }

    public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
    {
        var url = destination.Model.Config.Address;
        var wasDown = DownTargets(cluster).Contains(url);
        inner.SetPassive(cluster, destination, newHealth, reactivationPeriod);
        var isDown = DownTargets(cluster);
        if (!wasDown && isDown.Contains(url))
        {
            HealthLog.RequestsFailed(logger, owners().Describe(cluster.ClusterId), TargetProblem.Redact(url),
                problems.Last(cluster.ClusterId, url) ?? "requests failed", CompactDurationConverter.Format(reactivationPeriod), Next(cluster, isDown));
        }
    }

    /// <summary>Targets (by URL) none of whose copies may get traffic: either verdict unhealthy, as YARP's default
    /// available-destinations policy decides.</summary>
    private static HashSet<string> DownTargets(ClusterState cluster) =>
        [.. cluster.Destinations.Values.GroupBy(d => d.Model.Config.Address, StringComparer.Ordinal)
            .Where(g => g.All(d => TargetVerdict.IsDown(d.Health)))
            .Select(g => g.Key)];

    private static string Next(ClusterState cluster, HashSet<string> down)
    {
        var up = cluster.Destinations.Values.Select(d => d.Model.Config.Address).Distinct(StringComparer.Ordinal).Count(u => !down.Contains(u));
        return up switch
        {
            0 => "no target is left up, so requests still go to it (or all of them) until one recovers",
            1 => "traffic goes to the other target",
            _ => $"traffic goes to the other {up} targets",
        };
    }
}
