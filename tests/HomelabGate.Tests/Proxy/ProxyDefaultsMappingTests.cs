using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Health;
using HomelabGate.Proxy.Routing;
using HomelabGate.Proxy.Upgrades;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Tests.Proxy;

/// <summary>How the manifest's defaults reach YARP: no body limit without maxBodySize, passive health on every pool,
/// preserveHost untouched by tls.serverName, and upgraded connections forwarded with their own activity timeout.</summary>
public sealed class ProxyDefaultsMappingTests
{
    private static DesiredState Desired(string yaml)
    {
        var result = ManifestFixture.Load(yaml);
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        return new DesiredStateBuilder().Build(result.Manifest!.Spec);
    }

    private static RouteConfig Route(string hostYaml) =>
        RouteFactory.Host("app/exact/x", ["app.test"], 10, "app", Desired($"version: 1\nhosts:\n  app:\n    domains: [app.test]\n    to: http://10.0.0.5:8080\n{hostYaml}").Find<ProxyHost>("app")!);

    [Fact]
    public void A_host_without_max_body_size_has_no_limit_and_one_with_it_has_that_limit()
    {
        Assert.Equal(-1, Route("").MaxRequestBodySize);
        Assert.Equal(10L << 20, Route("    maxBodySize: 10MB\n").MaxRequestBodySize);
    }

    [Fact]
    public void Server_name_no_longer_decides_which_host_header_the_upstream_gets()
    {
        var desired = Desired("version: 1\nupstreams:\n  pve: { targets: [\"https://10.0.0.2:8006\"], tls: { serverName: pve.home.test } }\nhosts:\n  pve: { domains: [pve.home.test], upstream: pve }\n");

        var route = RouteFactory.Host("pve/exact/x", ["pve.home.test"], 10, "pve", desired.Find<ProxyHost>("pve")!);
        var cluster = new ClusterMapper().Map(desired.Find<UpstreamPool>("pve")!);

        Assert.Contains(route.Transforms!, t => t.TryGetValue("RequestHeaderOriginalHost", out var keep) && keep == "true");
        Assert.Equal("pve.home.test", cluster.Metadata![HealthMetadata.ServerName]);
    }

    [Fact]
    public void Every_pool_has_passive_health_and_keeps_serving_when_all_its_targets_are_down()
    {
        var desired = Desired("version: 1\nupstreams:\n  tuned: { targets: [\"http://a:1\"], passiveHealth: { consecutiveFailures: 5, reactivation: 1m } }\nhosts:\n  j: { domains: [j.test], to: http://10.0.0.5:8096 }\n");
        var mapper = new ClusterMapper();

        var plain = mapper.Map(desired.Find<UpstreamPool>(DesiredStateBuilder.InlinePoolName("j"))!);
        var tuned = mapper.Map(desired.Find<UpstreamPool>("tuned")!);

        Assert.Equal((HealthMetadata.PassivePolicy, TimeSpan.FromSeconds(30), "3"),
            (plain.HealthCheck!.Passive!.Policy, plain.HealthCheck.Passive.ReactivationPeriod, plain.Metadata![HealthMetadata.ConsecutiveFailures]));
        Assert.Equal((TimeSpan.FromMinutes(1), "5"), (tuned.HealthCheck!.Passive!.ReactivationPeriod, tuned.Metadata![HealthMetadata.ConsecutiveFailures]));
        Assert.Equal(HealthCheckConstants.AvailableDestinations.HealthyOrPanic, plain.HealthCheck.AvailableDestinationsPolicy);
        Assert.Equal(("host j", "upstream tuned"), (plain.Metadata[HealthMetadata.Display], tuned.Metadata[HealthMetadata.Display]));
        Assert.Null(desired.Find<UpstreamPool>("tuned")!.HealthCheck);
    }

    [Fact]
    public void A_hosts_own_health_check_goes_to_the_pool_of_its_to()
    {
        var desired = Desired("version: 1\nhosts:\n  j:\n    domains: [j.test]\n    to: http://10.0.0.5:8096\n    healthCheck: { path: /health, interval: 5s, expectStatus: \"200\" }\n");

        var cluster = new ClusterMapper().Map(desired.Find<UpstreamPool>(DesiredStateBuilder.InlinePoolName("j"))!);

        Assert.Equal(("/health", TimeSpan.FromSeconds(5)), (cluster.HealthCheck!.Active!.Path, cluster.HealthCheck.Active.Interval));
        Assert.Equal(("200", "200"), (cluster.Metadata![HealthMetadata.MinStatus], cluster.Metadata[HealthMetadata.MaxStatus]));
    }

    [Theory]
    [InlineData("timeouts: { response: 1s }", 1000, -1)]
    [InlineData("timeouts: { response: 1s, idleUpgraded: 2h }", 1000, 7_200_000)]
    [InlineData("loadBalancing: first", 100_000, -1)]
    public void An_upgrade_is_forwarded_with_the_idle_limit_of_upgraded_connections_instead_of_the_response_timeout(string settings, int handshakeMs, int idleMs)
    {
        var desired = Desired($"version: 1\nupstreams:\n  ws: {{ targets: [\"http://a:1\"], {settings} }}\n");
        var config = new ClusterMapper().Map(desired.Find<UpstreamPool>("ws")!);
        var pool = new ClusterModel(config, new HttpMessageInvoker(new SocketsHttpHandler()));
        var context = new DefaultHttpContext();
        var feature = new ReverseProxyFeature { Route = null!, Cluster = pool };
        context.Features.Set<IReverseProxyFeature>(feature);
        var upgrades = new UpgradedClusters();

        upgrades.Use(context);
        var first = feature.Cluster;
        feature.Cluster = pool;
        upgrades.Use(context);

        Assert.Equal(TimeSpan.FromMilliseconds(idleMs), first.Config.HttpRequest!.ActivityTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(handshakeMs), Assert.IsType<HandshakeBoundInvoker>(first.HttpClient).Bound);
        Assert.Same(first, feature.Cluster);
        Assert.NotSame(pool.HttpClient, first.HttpClient);
    }
}
