using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary><c>contentSecurityPolicy</c> through the real daemon, seen by curl: on a proxied answer and on an answer the
/// gate makes itself, and not on a host that does not ask for it.</summary>
public sealed class ContentSecurityPolicyTests(ContentSecurityPolicyTests.Daemon daemon) : IClassFixture<ContentSecurityPolicyTests.Daemon>
{
    public const string Policy = "default-src 'self'; frame-ancestors 'none'";

    private Task<HttpResult> CurlAsync(string host) => Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, host);

    [Fact]
    public async Task A_proxied_answer_carries_the_hosts_policy()
    {
        var result = await CurlAsync("proxied.test");

        Assert.Equal(200, result.Status);
        Assert.Equal("csp", result.Header("X-Upstream"));
        Assert.Equal(Policy, result.Header("Content-Security-Policy"));
    }

    [Fact]
    public async Task An_answer_the_gate_makes_itself_carries_the_policy_next_to_the_preset()
    {
        var result = await CurlAsync("own.test");

        Assert.Equal("ok", result.Body);
        Assert.Equal(Policy, result.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", result.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_host_without_a_policy_sends_none()
    {
        var result = await CurlAsync("plain.test");

        Assert.Null(result.Header("Content-Security-Policy"));
    }

    public sealed class Daemon : FeatureDaemon
    {
        protected override async Task<string> StartServersAsync()
        {
            var upstream = Own(await UpstreamServer.StartAsync("csp"));
            return Manifests.Header + $"""
                hosts:
                  proxied:
                    domains: [proxied.test]
                    to: {upstream.Address}
                    contentSecurityPolicy: "{Policy}"
                  own:
                    domains: [own.test]
                    respond: {"{"} body: ok {"}"}
                    securityHeaders: true
                    contentSecurityPolicy: "{Policy}"
                  plain:
                    domains: [plain.test]
                    to: {upstream.Address}
                """;
        }
    }
}
