using System.Net;
using HomelabGate.Proxy.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Tests.Proxy.Health;

public sealed class StatusRangeHealthPolicyTests
{
    private static ClusterState Cluster(int healthyAfter, int unhealthyAfter) => HealthTestPool.Cluster(new Dictionary<string, string>
    {
        [HealthMetadata.MinStatus] = "200", [HealthMetadata.MaxStatus] = "399",
        [HealthMetadata.HealthyThreshold] = healthyAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [HealthMetadata.UnhealthyThreshold] = unhealthyAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static DestinationProbingResult Probe(DestinationState destination, HttpStatusCode? status) =>
        new(destination, status is { } code ? new HttpResponseMessage(code) : null, status is null ? new HttpRequestException("refused") : null);

    [Fact]
    public void Counts_a_redirect_inside_the_expected_range_as_healthy()
    {
        var updater = new RecordingUpdater();
        var policy = new StatusRangeHealthPolicy(updater);
        var nas = HealthTestPool.Target("nas");
        policy.ProbingCompleted(Cluster(1, 1), [Probe(nas, HttpStatusCode.Found)]);
        Assert.Equal(DestinationHealth.Healthy, updater.Active["nas"]);
    }

    [Fact]
    public void Takes_a_target_out_only_after_the_unhealthy_threshold_and_back_after_the_healthy_one()
    {
        var updater = new RecordingUpdater();
        var policy = new StatusRangeHealthPolicy(updater);
        var cluster = Cluster(healthyAfter: 2, unhealthyAfter: 2);
        var target = HealthTestPool.Target("t");
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
