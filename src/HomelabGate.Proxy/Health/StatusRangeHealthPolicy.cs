using System.Collections.Concurrent;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Health;

/// <summary>YARP's built-in active policy counts only 2xx as healthy and has one threshold. Ours honours the manifest:
/// a status range (<c>expectStatus: 200-399</c>), <c>unhealthyThreshold</c> consecutive failures to take a target out
/// and <c>healthyThreshold</c> consecutive successes to bring it back. A passing probe also ends what failed requests
/// decided (passive health, on for every pool): a target that is back gets traffic at once, not after the reactivation
/// period.</summary>
public sealed class StatusRangeHealthPolicy(IDestinationHealthUpdater updater, TargetFailures failures) : IActiveHealthCheckPolicy
{
    private readonly ConcurrentDictionary<DestinationState, Streak> _streaks = new();

    public string Name => HealthMetadata.Policy;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var metadata = cluster.Model.Config.Metadata;
        var min = Read(metadata, HealthMetadata.MinStatus, 200);
        var max = Read(metadata, HealthMetadata.MaxStatus, 299);
        var healthyAfter = Read(metadata, HealthMetadata.HealthyThreshold, 1);
        var unhealthyAfter = Read(metadata, HealthMetadata.UnhealthyThreshold, 2);
        var updates = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var result in probingResults)
        {
            var status = result.Response is { } response ? (int)response.StatusCode : 0;
            var passed = result.Exception is null && status >= min && status <= max;
            if (passed)
            {
                Cleared(cluster, result.Destination);
            }
            var streak = _streaks.AddOrUpdate(result.Destination,
                _ => passed ? new Streak(1, 0) : new Streak(0, 1),
                (_, old) => passed ? new Streak(old.Successes + 1, 0) : new Streak(0, old.Failures + 1));
            var current = result.Destination.Health.Active;
            var next = streak.Failures >= unhealthyAfter ? DestinationHealth.Unhealthy
                : streak.Successes >= healthyAfter ? DestinationHealth.Healthy
                : current;
            updates.Add(new NewActiveDestinationHealth(result.Destination, next));
        }
        updater.SetActive(cluster, updates);
    }

    private void Cleared(ClusterState cluster, DestinationState destination)
    {
        var record = failures.For(cluster, destination);
        if (!record.Clean)
        {
            record.Succeeded();
        }
        if (destination.Health.Passive == DestinationHealth.Unhealthy)
        {
            updater.SetPassive(cluster, destination, DestinationHealth.Healthy, TimeSpan.Zero);
        }
    }

    private static int Read(IReadOnlyDictionary<string, string>? metadata, string key, int fallback) => HealthMetadata.Read(metadata, key, fallback);

    private sealed record Streak(int Successes, int Failures);
}
