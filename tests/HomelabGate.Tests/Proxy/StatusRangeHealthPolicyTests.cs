using System.Net;
using HomelabGate.Proxy.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Tests.Proxy;

public sealed class StatusRangeHealthPolicyTests
{
    /// <summary>Records what the policy decides; YARP's real updater also schedules reactivation, which is not ours to test.</summary>
    private sealed class RecordingUpdater : IDestinationHealthUpdater
    {
        public Dictionary<string, DestinationHealth> Active { get; } = [];

        public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
        {
            foreach (var state in newHealthStates)
            {
                Active[state.Destination.DestinationId] = state.NewActiveHealth;
                state.Destination.Health.Active = state.NewActiveHealth;
            }
        }

        public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod) =>
            throw new NotSupportedException();
    }

    private static ClusterState Cluster(int healthyAfter, int unhealthyAfter)
    {
        var config = new ClusterConfig
        {
            ClusterId = "pool",
            Metadata = new Dictionary<string, string>
            {
                [HealthMetadata.MinStatus] = "200", [HealthMetadata.MaxStatus] = "399",
                [HealthMetadata.HealthyThreshold] = healthyAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [HealthMetadata.UnhealthyThreshold] = unhealthyAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        return new ClusterState("pool", new ClusterModel(config, new HttpMessageInvoker(new HttpClientHandler())));
    }

    private static DestinationProbingResult Probe(DestinationState destination, HttpStatusCode? status) =>
        new(destination, status is { } code ? new HttpResponseMessage(code) : null, status is null ? new HttpRequestException("refused") : null);

    [Fact]
    public void Counts_a_redirect_inside_the_expected_range_as_healthy()
    {
        var updater = new RecordingUpdater();
        var policy = new StatusRangeHealthPolicy(updater);
        var nas = new DestinationState("nas");
        policy.ProbingCompleted(Cluster(1, 1), [Probe(nas, HttpStatusCode.Found)]);
        Assert.Equal(DestinationHealth.Healthy, updater.Active["nas"]);
    }

    [Fact]
    public void Takes_a_target_out_only_after_the_unhealthy_threshold_and_back_after_the_healthy_one()
    {
        var updater = new RecordingUpdater();
        var policy = new StatusRangeHealthPolicy(updater);
        var cluster = Cluster(healthyAfter: 2, unhealthyAfter: 2);
        var target = new DestinationState("t");
        policy.ProbingCompleted(cluster, [Probe(target, HttpStatusCode.InternalServerError)]);
        Assert.NotEqual(DestinationHealth.Unhealthy, updater.Active["t"]);
        policy.ProbingCompleted(cluster, [Probe(target, null)]);
        Assert.Equal(DestinationHealth.Unhealthy, updater.Active["t"]);
        policy.ProbingCompleted(cluster, [Probe(target, HttpStatusCode.OK)]);
        Assert.Equal(DestinationHealth.Unhealthy, updater.Active["t"]);
        policy.ProbingCompleted(cluster, [Probe(target, HttpStatusCode.OK)]);
        Assert.Equal(DestinationHealth.Healthy, updater.Active["t"]);
    }
}
