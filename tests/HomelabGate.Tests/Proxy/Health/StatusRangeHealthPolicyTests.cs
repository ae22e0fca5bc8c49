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
        var policy = new StatusRangeHealthPolicy(updater, new TargetFailures());
        var nas = HealthTestPool.Target("nas");
        policy.ProbingCompleted(Cluster(1, 1), [Probe(nas, HttpStatusCode.Found)]);
        Assert.Equal(DestinationHealth.Healthy, updater.Active["nas"]);
    }

    [Fact]
    public void Takes_a_target_out_only_after_the_unhealthy_threshold_and_back_after_the_healthy_one()
    {
        var updater = new RecordingUpdater();
        var policy = new StatusRangeHealthPolicy(updater, new TargetFailures());
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

    [Fact]
    public void A_passing_probe_brings_back_a_target_that_failed_requests_took_out()
    {
        var updater = new RecordingUpdater();
        var failures = new TargetFailures();
        var cluster = Cluster(healthyAfter: 1, unhealthyAfter: 1);
        var target = HealthTestPool.Target("t", "http://10.0.0.7:80");
        var passive = new ConsecutiveFailuresPolicy(updater, failures);
        for (var i = 0; i < 3; i++)
        {
            passive.RequestProxied(new Microsoft.AspNetCore.Http.DefaultHttpContext { Response = { StatusCode = 503 } }, cluster, target);
        }
        var takenOut = (target.Health.Passive, failures.Report("pool", "http://10.0.0.7:80")?.Failing);

        new StatusRangeHealthPolicy(updater, failures).ProbingCompleted(cluster, [Probe(target, HttpStatusCode.OK)]);

        Assert.Equal((DestinationHealth.Unhealthy, true), takenOut);
        Assert.Equal(DestinationHealth.Healthy, target.Health.Passive);
        Assert.Null(failures.Report("pool", "http://10.0.0.7:80"));
    }
}
