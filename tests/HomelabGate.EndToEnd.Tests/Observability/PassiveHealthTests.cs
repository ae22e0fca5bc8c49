using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>Health without configuring any: requests that fail take a target's health down (it once stayed "unknown"
/// and /metrics said healthy while every request was a 502), and its last problem is one line in /api/status, gate
/// status, gate drift and on the status page, whose badge is then not green. A host's own <c>to:</c> takes a
/// healthCheck, probed with no request at all.</summary>
public sealed class PassiveHealthTests(PassiveHealthTests.Daemon daemon) : IClassFixture<PassiveHealthTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private GateProcess Gate => daemon.Gate;

    [Fact]
    public async Task Three_refused_requests_make_the_target_unhealthy_with_its_problem_everywhere_status_is_shown()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(502, (await Curl.GetWithHostHeaderAsync(Gate.Workspace.Ports.Proxy, "dead.test")).Status);
        }

        Assert.Equal(("unhealthy", "connection refused"), await Gate.TargetAsync(daemon.Dead));
        var metrics = (await Gate.AdminGetAsync("/metrics")).Body;
        Assert.Contains($"homelabgate_upstream_healthy{{upstream=\"host:dead\",target=\"{daemon.Dead}\"}} 0", metrics, StringComparison.Ordinal);
        var status = await GateCommandLine.RunAsync(Gate.Workspace, "status");
        Assert.Contains($"{daemon.Dead}: unhealthy (connection refused)", status.StandardOutput, StringComparison.Ordinal);
        var drift = await GateCommandLine.RunAsync(Gate.Workspace, "drift");
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains($"target {daemon.Dead} is unhealthy: connection refused", drift.StandardOutput, StringComparison.Ordinal);
        var page = (await Gate.AdminGetAsync("/")).Body;
        Assert.Contains("<span class=\"badge bad\">serving, ", page, StringComparison.Ordinal);
        Assert.Contains("host dead: target " + daemon.Dead + " is down (connection refused)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_check_on_a_hosts_to_finds_a_failing_target_without_any_request()
    {
        var target = await Poll.UntilAsync(() => Gate.TargetAsync(daemon.Probed), t => t.Health == "unhealthy",
            "the probed target turns unhealthy", Bounded, () => Gate.Output);

        Assert.Equal("answered 503, expected 200-399", target.Problem);
        Assert.Equal(0, daemon.PlainRequests);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public string Dead { get; private set; } = "";

        public string Probed { get; private set; } = "";

        private int _plainRequests;

        /// <summary>Requests to the probed target other than its health checks: the test sends none.</summary>
        public int PlainRequests => Volatile.Read(ref _plainRequests);

        protected override async Task<string> StartServersAsync()
        {
            Dead = Own(new ClosedPort()).Address;
            var probed = Own(await LoopbackServer.StartAsync(context =>
            {
                var probe = context.Request.Path == "/health";
                if (!probe)
                {
                    Interlocked.Increment(ref _plainRequests);
                }
                context.Response.StatusCode = probe ? 503 : 200;
                return Task.CompletedTask;
            }));
            Probed = probed.Address;
            return Manifests.Header + $$"""
                hosts:
                  dead: { domains: [dead.test], to: "{{Dead}}" }
                  probed:
                    domains: [probed.test]
                    to: "{{Probed}}"
                    healthCheck: { path: /health, interval: 1s, expectStatus: "200-399" }
                """;
        }
    }
}
