using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Serving;

/// <summary>Name-based routing through the real daemon to real upstream servers: one daemon serves every case here.</summary>
public sealed class RoutingTests(RoutingTests.Daemon daemon) : IClassFixture<RoutingTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    [Fact]
    public async Task Two_hosts_are_routed_to_their_own_upstreams()
    {
        Assert.Equal("alpha", (await Gate.EchoAsync("alpha.test")).Upstream);
        Assert.Equal("beta", (await Gate.EchoAsync("beta.test")).Upstream);
        Assert.Equal("alpha", (await Gate.EchoAsync("ALPHA.Test")).Upstream);
    }

    [Theory]
    [InlineData("x.apps.test")]
    [InlineData("grafana.apps.test")]
    public async Task A_wildcard_host_serves_a_name_under_its_domain(string name)
    {
        Assert.Equal("wild", (await Gate.EchoAsync(name)).Upstream);
    }

    [Fact]
    public async Task An_exact_host_wins_over_a_wildcard_that_also_matches_it()
    {
        Assert.Equal("special", (await Gate.EchoAsync("special.apps.test")).Upstream);
    }

    [Fact]
    public async Task A_wildcard_host_does_not_serve_the_bare_domain_it_sits_under()
    {
        var result = await Gate.GetAsync("apps.test");

        Assert.Equal(404, result.Status);
        Assert.Null(result.Header("X-Upstream"));
    }

    [Theory]
    [InlineData("multi.test")]
    [InlineData("one.multi.test")]
    [InlineData("two.multi.test")]
    public async Task Every_domain_of_a_host_reaches_the_same_upstream(string name)
    {
        Assert.Equal("multi", (await Gate.EchoAsync(name)).Upstream);
    }

    [Fact]
    public async Task An_inline_to_url_proxies_to_that_url_with_path_and_query_unchanged()
    {
        var echo = await Gate.EchoAsync("inline.test", "/some/deep/path?q=1&r=two");

        Assert.Equal("inline", echo.Upstream);
        Assert.Equal("/some/deep/path", echo.Path);
        Assert.Equal("?q=1&r=two", echo.Query);
    }

    [Fact]
    public async Task A_pool_of_two_targets_balanced_round_robin_alternates_between_them()
    {
        var answered = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            answered.Add((await Gate.EchoAsync("pool.test")).Upstream);
        }

        Assert.Equal(10, answered.Count(u => u == "pool-1"));
        Assert.Equal(10, answered.Count(u => u == "pool-2"));
        Assert.All(answered.Zip(answered.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Theory]
    [InlineData(Client.Curl)]
    [InlineData(Client.HttpClient)]
    public async Task A_redirect_host_answers_301_by_default_with_path_and_query_appended(Client client)
    {
        var result = await Gate.GetAsync(client, "moved.test", "/photos/2024?album=summer&page=2");

        Assert.Equal(301, result.Status);
        Assert.Equal("https://new.example.test/photos/2024?album=summer&page=2", result.Header("Location"));
    }

    [Fact]
    public async Task A_redirect_host_with_status_302_keeps_the_path_below_the_targets_own_path()
    {
        var result = await Gate.GetAsync("temporary.test", "/a/b?c=d");

        Assert.Equal(302, result.Status);
        Assert.Equal("http://elsewhere.test:8080/base/a/b?c=d", result.Header("Location"));
    }

    [Fact]
    public async Task A_redirect_host_with_preservePath_false_sends_every_path_to_the_target_itself()
    {
        var result = await Gate.GetAsync("landing.test", "/old/page?x=1");

        Assert.Equal(302, result.Status);
        Assert.Equal("https://landing.example.test/welcome", result.Header("Location"));
    }

    [Fact]
    public async Task The_upstream_receives_the_original_Host_and_the_X_Forwarded_headers()
    {
        var port = Gate.Workspace.Ports.Proxy;

        var echo = UpstreamEcho.From(await Curl.GetAsync(port, "alpha.test", "/headers"));

        Assert.Equal($"alpha.test:{port}", echo.Host);
        Assert.Equal("127.0.0.1", echo.XForwardedFor);
        Assert.Equal("http", echo.XForwardedProto);
        Assert.Equal($"alpha.test:{port}", echo.XForwardedHost);
    }

    public sealed class Daemon() : GateFixture("alpha", "beta", "wild", "special", "multi", "inline", "pool-1", "pool-2")
    {
        protected override string InitialManifest() => Manifests.Header + $"""
                upstreams:
                  alpha:
                    targets: ["{Upstreams["alpha"].Address}"]
                  beta:
                    targets: ["{Upstreams["beta"].Address}"]
                  wild:
                    targets: ["{Upstreams["wild"].Address}"]
                  special:
                    targets: ["{Upstreams["special"].Address}"]
                  multi:
                    targets: ["{Upstreams["multi"].Address}"]
                  pool:
                    loadBalancing: round-robin
                    targets: ["{Upstreams["pool-1"].Address}", "{Upstreams["pool-2"].Address}"]
                hosts:
                  alpha:
                    domains: [alpha.test]
                    upstream: alpha
                  beta:
                    domains: [beta.test]
                    upstream: beta
                  apps:
                    domains: ["*.apps.test"]
                    upstream: wild
                  special:
                    domains: [special.apps.test]
                    upstream: special
                  multi:
                    domains: [multi.test, one.multi.test, two.multi.test]
                    upstream: multi
                  inline:
                    domains: [inline.test]
                    to: {Upstreams["inline"].Address}
                  pool:
                    domains: [pool.test]
                    upstream: pool
                  moved:
                    domains: [moved.test]
                    redirect:
                      to: https://new.example.test
                  temporary:
                    domains: [temporary.test]
                    redirect:
                      to: http://elsewhere.test:8080/base/
                      status: 302
                  landing:
                    domains: [landing.test]
                    redirect:
                      to: https://landing.example.test/welcome
                      status: 302
                      preservePath: false
                """;
    }
}
