using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Routing;

namespace HomelabGate.Tests.Proxy;

public sealed class HostTimeoutTests
{
    private static ProxyHost Host(string timeout)
    {
        var yaml = $"version: 1\nhosts:\n  app:\n    domains: [app.test]\n    to: http://10.0.0.5:8080\n    locations: [{{ path: /api, to: http://10.0.0.6:8080 }}]\n{timeout}";
        var result = ManifestFixture.Load(yaml);
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        return new DesiredStateBuilder().Build(result.Manifest!.Spec).Find<ProxyHost>("app")!;
    }

    [Theory]
    [InlineData("    timeout: 30s\n", 30_000)]
    [InlineData("    timeout: 1500ms\n", 1_500)]
    [InlineData("    timeout: 2m\n", 120_000)]
    public void The_host_timeout_becomes_the_timeout_of_its_routes_and_locations(string timeout, int milliseconds)
    {
        var host = Host(timeout);

        var route = RouteFactory.Host("app/exact/x", ["app.test"], 10, "app", host);
        var location = RouteFactory.Location("app/exact/location-0/x", ["app.test"], host.Locations[0], 5, host);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), route.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), location.Timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    timeout: 0s\n")]
    public void Without_a_timeout_or_with_zero_a_route_has_no_limit(string timeout)
    {
        var route = RouteFactory.Host("app/exact/x", ["app.test"], 10, "app", Host(timeout));

        Assert.Null(route.Timeout);
    }

    [Fact]
    public void Rejects_a_timeout_that_is_not_a_duration()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  app:\n    domains: [app.test]\n    to: http://10.0.0.5:8080\n    timeout: 30\n");

        Assert.False(result.Succeeded);
    }
}
