using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Proxy.Routing;

namespace HomelabGate.Tests.Proxy;

public sealed class ContentSecurityPolicyTests
{
    private const string Policy = "default-src 'self'; img-src 'self' data:";

    private static ProxyHost Host(string yaml)
    {
        var result = ManifestFixture.Load(yaml);
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        return new DesiredStateBuilder().Build(result.Manifest!.Spec).Find<ProxyHost>("app")!;
    }

    [Fact]
    public void A_host_with_a_policy_sends_it_as_a_response_header_on_proxied_answers()
    {
        var host = Host($"version: 1\nhosts:\n  app:\n    domains: [app.test]\n    to: http://10.0.0.5:8080\n    contentSecurityPolicy: \"{Policy}\"\n");

        var route = RouteFactory.Host("app/exact/x", ["app.test"], 10, "app", host);

        Assert.Equal(Policy, host.ContentSecurityPolicy);
        Assert.Contains(route.Transforms!, t => t.TryGetValue("ResponseHeader", out var name) && name == "Content-Security-Policy"
            && t["Set"] == Policy && t["When"] == "Always");
    }

    [Fact]
    public void The_policy_comes_after_the_preset_and_does_not_need_it()
    {
        var withPreset = Host($"version: 1\nhosts:\n  app:\n    domains: [app.test]\n    respond: {{ body: ok }}\n    securityHeaders: true\n    contentSecurityPolicy: \"{Policy}\"\n");
        var alone = Host($"version: 1\nhosts:\n  app:\n    domains: [app.test]\n    respond: {{ body: ok }}\n    contentSecurityPolicy: \"{Policy}\"\n");

        Assert.Equal(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Content-Security-Policy"],
            SecurityHeaders.For(withPreset).Select(h => h.Name));
        Assert.Equal([new HeaderValue("Content-Security-Policy", Policy)], SecurityHeaders.For(alone));
    }

    [Fact]
    public void A_host_without_a_policy_sends_none()
    {
        var host = Host("version: 1\nhosts:\n  app:\n    domains: [app.test]\n    to: http://10.0.0.5:8080\n    securityHeaders: true\n");

        Assert.DoesNotContain(SecurityHeaders.For(host), h => h.Name == "Content-Security-Policy");
    }

    [Theory]
    [InlineData("default-src 'self'\\r\\nSet-Cookie: x=1")]
    [InlineData("default-src 'self'\\nX-Evil: 1")]
    public void Rejects_a_policy_with_a_line_break_at_its_value(string policy)
    {
        var result = ManifestFixture.Load($"version: 1\nhosts:\n  app:\n    domains: [app.test]\n    to: http://10.0.0.5:8080\n    contentSecurityPolicy: \"{policy}\"\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.InvalidHeader, error.Code);
        Assert.Equal("the contentSecurityPolicy contains a line break", error.Summary);
        Assert.Equal(6, error.Location!.Line);
    }
}
