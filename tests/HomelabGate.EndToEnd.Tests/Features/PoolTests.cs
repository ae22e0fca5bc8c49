using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>Pools through the real daemon: active health checks move traffic off a stopped target and back when it
/// returns; weights split traffic in proportion.</summary>
public sealed class PoolTests(PoolTests.Daemon daemon) : IClassFixture<PoolTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    private GateProcess Gate => daemon.Gate;

    private async Task<List<string>> AnswersAsync(string host, int count)
    {
        var answers = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var result = await Gate.GetAsync(host);
            answers.Add(result.Status == 200 ? result.Body : $"status {result.Status}");
        }
        return answers;
    }

    [Fact]
    public async Task Traffic_leaves_a_stopped_target_within_bounded_time_and_returns_when_it_is_restarted()
    {
        await Poll.UntilAsync(() => AnswersAsync("health.test", 4), a => a.Contains("a") && a.Contains("b"), "both targets answer", Bounded);

        await daemon.A.StopAsync();
        await Poll.UntilAsync(() => AnswersAsync("health.test", 10), a => a.All(x => x == "b"), "only b answers", Bounded, () => Gate.Output);
        await daemon.A.StartAsync();
        var back = await Poll.UntilAsync(() => AnswersAsync("health.test", 4), a => a.Contains("a"), "a answers again", Bounded, () => Gate.Output);

        Assert.All(back, x => Assert.True(x is "a" or "b", x));
    }

    [Fact]
    public async Task Weights_one_and_three_split_400_requests_about_a_quarter_and_three_quarters()
    {
        var answers = await AnswersAsync("weighted.test", 400);

        Assert.All(answers, x => Assert.True(x is "light" or "heavy", x));
        Assert.InRange(answers.Count(x => x == "light"), 80, 120);
        Assert.InRange(answers.Count(x => x == "heavy"), 280, 320);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public LoopbackServer A { get; private set; } = null!;

        private static RequestDelegate Named(string name) => context =>
            context.Request.Path == "/healthz" ? context.Response.WriteAsync("healthy") : context.Response.WriteAsync(name);

        protected override async Task<string> StartServersAsync()
        {
            A = Own(await LoopbackServer.StartAsync(Named("a")));
            var b = Own(await LoopbackServer.StartAsync(Named("b")));
            var light = Own(await LoopbackServer.StartAsync(Named("light")));
            var heavy = Own(await LoopbackServer.StartAsync(Named("heavy")));
            return Manifests.Header + $"""
                upstreams:
                  pair:
                    loadBalancing: round-robin
                    targets: ["{A.Address}", "{b.Address}"]
                    healthCheck: {"{"} path: /healthz, interval: 1s, timeout: 1s, unhealthyThreshold: 1 {"}"}
                  weighted:
                    loadBalancing: round-robin
                    targets:
                      - {"{"} url: "{light.Address}", weight: 1 {"}"}
                      - {"{"} url: "{heavy.Address}", weight: 3 {"}"}
                hosts:
                  health:
                    domains: [health.test]
                    upstream: pair
                  weighted:
                    domains: [weighted.test]
                    upstream: weighted
                """;
        }
    }
}
