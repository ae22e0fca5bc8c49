using System.Net.Sockets;
using HomelabGate.Proxy.Health;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Tests.Proxy.Health;

public sealed class ConsecutiveFailuresPolicyTests
{
    private const string Url = "http://10.0.0.5:8096";

    private readonly RecordingUpdater _updater = new();
    private readonly TargetFailures _failures = new();
    private readonly ClusterState _cluster = HealthTestPool.Cluster(new Dictionary<string, string> { [HealthMetadata.ConsecutiveFailures] = "3" },
        reactivation: TimeSpan.FromSeconds(7));
    private readonly DestinationState _target = HealthTestPool.Target("t000-000", Url);

    private ConsecutiveFailuresPolicy Policy => new(_updater, _failures);

    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;

    private static HttpContext Refused() => Failed(ForwarderError.Request,
        new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)));

    private static HttpContext Failed(ForwarderError error, Exception? exception)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
        context.Features.Set<IForwarderErrorFeature>(new Failure(error, exception));
        return context;
    }

    private static HttpContext Answered(int status) => new DefaultHttpContext { Response = { StatusCode = status } };

    private void Send(params HttpContext[] requests)
    {
        foreach (var request in requests)
        {
            Policy.RequestProxied(request, _cluster, _target);
        }
    }

    [Fact]
    public void Three_refused_connections_in_a_row_take_the_target_out_for_the_pools_reactivation_period()
    {
        Send(Refused(), Refused());
        var afterTwo = _updater.Passive.Count;
        Send(Refused());

        Assert.Equal(0, afterTwo);
        Assert.Equal([("t000-000", DestinationHealth.Unhealthy, TimeSpan.FromSeconds(7))], _updater.Passive);
        Assert.Equal(new TargetReport(true, 3), _failures.Report("pool", Url));
    }

    [Fact]
    public void A_success_in_between_starts_the_count_again_and_marks_the_target_healthy()
    {
        Send(Refused(), Refused(), Answered(200), Refused(), Refused());

        Assert.Equal([("t000-000", DestinationHealth.Healthy, TimeSpan.FromSeconds(7))], _updater.Passive);
        Assert.Equal(new TargetReport(false, 2), _failures.Report("pool", Url));
    }

    [Fact]
    public void An_upstream_answering_503_fails_and_one_answering_500_does_not()
    {
        Send(Answered(503), Answered(503), Answered(500));
        var afterA500 = _failures.Report("pool", Url);
        Send(Answered(503), Answered(504), Answered(502));

        Assert.Null(afterA500);
        Assert.Equal(new TargetReport(true, 3), _failures.Report("pool", Url));
        Assert.Equal(DestinationHealth.Unhealthy, _target.Health.Passive);
    }

    [Fact]
    public void A_client_that_went_away_counts_neither_way()
    {
        Send(Refused(), Refused(), Failed(ForwarderError.RequestCanceled, null), Failed(ForwarderError.ResponseBodyClient, new IOException("reset")), Refused());

        Assert.True(_failures.Report("pool", Url)?.Failing);
    }

    [Fact]
    public void A_target_that_recovers_is_healthy_at_its_first_success_and_its_problem_is_gone()
    {
        Send(Refused(), Refused(), Refused(), Answered(200));

        Assert.Equal(DestinationHealth.Healthy, _target.Health.Passive);
        Assert.Null(_failures.Report("pool", Url));
    }

    [Fact]
    public void Weight_copies_of_one_target_share_its_count()
    {
        var copy = HealthTestPool.Target("t000-001", Url);
        Send(Refused(), Refused());
        Policy.RequestProxied(Refused(), _cluster, copy);

        Assert.Equal(DestinationHealth.Unhealthy, copy.Health.Passive);
        Assert.Equal(3, _failures.Report("pool", Url)?.FailuresInARow);
    }
}
