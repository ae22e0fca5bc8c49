using HomelabGate.Proxy.Health;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Health;

/// <summary>Wraps the active health policy: before it judges a round of probes, each probe's outcome is written down in
/// words (<see cref="TargetProblems"/>), so the line that says a target went down can say why.</summary>
public sealed class ProbeProblemRecorder(IActiveHealthCheckPolicy inner, TargetProblems problems) : IActiveHealthCheckPolicy
{
    public string Name => inner.Name;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var metadata = cluster.Model.Config.Metadata;
        var (min, max) = (HealthMetadata.Read(metadata, HealthMetadata.MinStatus, 200), HealthMetadata.Read(metadata, HealthMetadata.MaxStatus, 299));
        foreach (var result in probingResults)
        {
            var url = result.Destination.Model.Config.Address;
            var status = result.Response is { } response ? (int)response.StatusCode : 0;
            if (result.Exception is { } exception)
            {
                problems.Record(cluster.ClusterId, url, TargetProblem.Describe(exception));
            }
            else if (status < min || status > max)
            {
                problems.Record(cluster.ClusterId, url, TargetProblem.Status(status, min, max));
            }
            else
            {
                problems.Clear(cluster.ClusterId, url);
            }
        }
        inner.ProbingCompleted(cluster, probingResults);
    }
}
