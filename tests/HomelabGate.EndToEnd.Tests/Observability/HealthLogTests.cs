using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>What the daemon's log says when a target fails its health check, through the real daemon and real servers:
/// one line with the manifest's names, the target, the reason and where the traffic goes — and when it is back. YARP's
/// own probe warnings (destination ids, a stack trace per probe) never show.</summary>
public sealed class HealthLogTests(HealthLogTests.Daemon daemon) : IClassFixture<HealthLogTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(20);

    private GateProcess Gate => daemon.Gate;

    [Fact]
    public async Task A_stopped_target_is_one_line_naming_the_hosts_the_target_and_the_reason_and_its_return_is_another()
    {
        await daemon.A.StopAsync();
        var down = $"upstream media (host jellyfin, host plex): target {daemon.A.Address}/ failed its health check: connection refused; traffic goes to the other target";
        await Poll.UntilAsync(() => Task.FromResult(Gate.Output), o => o.Contains(down, StringComparison.Ordinal), "the line for the stopped target", Bounded);
        await daemon.A.StartAsync();
        var up = $"upstream media (host jellyfin, host plex): target {daemon.A.Address}/ passes its health check again and gets traffic again";
        await Poll.UntilAsync(() => Task.FromResult(Gate.Output), o => o.Contains(up, StringComparison.Ordinal), "the line for its return", Bounded);

        Assert.Equal(1, Occurrences(Gate.Output, down));
        AssertNoYarpInternals(Gate.Output);
    }

    [Fact]
    public async Task A_target_that_answers_503_says_so_and_that_its_host_has_no_target_left()
    {
        var line = $"host wiki: target {daemon.Failing.Address}/ failed its health check: answered 503, expected 200-399; no target is left up, so requests still go to it (or all of them) until one recovers";

        await Poll.UntilAsync(() => Task.FromResult(Gate.Output), o => o.Contains(line, StringComparison.Ordinal), "the line for the failing target", Bounded);

        Assert.Equal(503, (await Gate.GetAsync("wiki.test")).Status);
        AssertNoYarpInternals(Gate.Output);
    }

    private static void AssertNoYarpInternals(string output)
    {
        Assert.DoesNotContain("Probing destination", output, StringComparison.Ordinal);
        Assert.DoesNotContain("t000-000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Net.", output, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string line) => text.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal));

    public sealed class Daemon : FeatureDaemon
    {
        public LoopbackServer A { get; private set; } = null!;

        public LoopbackServer Failing { get; private set; } = null!;

        protected override async Task<string> StartServersAsync()
        {
            A = Own(await LoopbackServer.StartAsync(context => context.Response.WriteAsync("a")));
            var b = Own(await LoopbackServer.StartAsync(context => context.Response.WriteAsync("b")));
            Failing = Own(await LoopbackServer.StartAsync(context =>
            {
                context.Response.StatusCode = 503;
                return context.Response.WriteAsync("maintenance");
            }));
            return Manifests.Header + $$"""
                upstreams:
                  media:
                    targets: ["{{A.Address}}/", "{{b.Address}}/"]
                    healthCheck: { path: /, interval: 1s, timeout: 1s, unhealthyThreshold: 1 }
                  wiki:
                    targets: ["{{Failing.Address}}/"]
                    healthCheck: { path: /, interval: 1s, timeout: 1s, unhealthyThreshold: 1 }
                hosts:
                  jellyfin:
                    domains: [jellyfin.test]
                    upstream: media
                  plex:
                    domains: [plex.test]
                    upstream: media
                  wiki:
                    domains: [wiki.test]
                    upstream: wiki
                """;
        }
    }
}
