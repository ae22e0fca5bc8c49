using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>The answers the gate gives itself through the real daemon and curl, which once had a 0-byte body: one line of
/// text for a client that does not ask for HTML, a small page naming the host for a browser, a custom page per status
/// from the manifest. The access list's users have an <c>$apr1$</c> hash made by <c>openssl passwd -apr1</c>, as NPM and
/// htpasswd write them.</summary>
public sealed class ErrorPageTests(ErrorPageTests.Daemon daemon) : IClassFixture<ErrorPageTests.Daemon>
{
    private const string Browser = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Task<HttpResult> CurlAsync(string host, params string[] extra) =>
        Curl.RunAsync([.. extra, "-H", $"Host: {host}", $"http://127.0.0.1:{daemon.Gate.Workspace.Ports.Proxy}/"]);

    [Fact]
    public async Task A_dead_upstream_is_one_line_for_curl_and_a_page_for_a_browser_and_neither_names_the_target()
    {
        var text = await CurlAsync("dead.test");
        var page = await CurlAsync("dead.test", "-H", Browser);

        Assert.Equal((502, "text/plain; charset=utf-8"), (text.Status, text.Header("Content-Type")));
        Assert.Equal("502 Bad Gateway: dead.test is not answering: the server behind it could not be reached, or its answer was broken.\n", text.Body);
        Assert.Equal((502, "text/html; charset=utf-8"), (page.Status, page.Header("Content-Type")));
        Assert.Contains("<title>502 Bad Gateway</title>", page.Body, StringComparison.Ordinal);
        Assert.Contains("dead.test is not answering", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(daemon.DeadPort.ToString(System.Globalization.CultureInfo.InvariantCulture), text.Body + page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_page_for_502_goes_to_browsers()
    {
        var page = await CurlAsync("custom.test", "-H", Browser);
        var text = await CurlAsync("custom.test");

        Assert.Equal((502, "<h1>The NAS is asleep</h1>\n"), (page.Status, page.Body));
        Assert.StartsWith("502 Bad Gateway: custom.test", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_apr1_user_gets_in_and_a_wrong_password_gets_401_with_a_challenge_and_a_line()
    {
        var allowed = await CurlAsync("private.test", "-u", "alice:correct horse");
        var refused = await CurlAsync("private.test", "-u", "alice:wrong");

        Assert.Equal((200, "private"), (allowed.Status, allowed.Body));
        Assert.Equal(401, refused.Status);
        Assert.StartsWith("Basic", refused.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal("401 Unauthorized: private.test needs a user name and password.\n", refused.Body);
    }

    [Fact]
    public async Task A_refused_address_gets_403_with_a_page()
    {
        var page = await CurlAsync("lan.test", "-H", Browser);

        Assert.Equal(403, page.Status);
        Assert.Contains("You are not allowed to open lan.test from here.", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_over_the_rate_gets_429_naming_the_rate_and_retry_after()
    {
        var first = await CurlAsync("limited.test");
        var second = await CurlAsync("limited.test");

        Assert.Equal(200, first.Status);
        Assert.Equal(429, second.Status);
        Assert.NotNull(second.Header("Retry-After"));
        Assert.Equal("429 Too Many Requests: Too many requests to limited.test from your address: it allows 1 per 1h. Wait a moment and try again.\n", second.Body);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public int DeadPort { get; private set; }

        protected override async Task<string> StartServersAsync()
        {
            var dead = Own(new ClosedPort());
            DeadPort = dead.Port;
            var hash = await ProcessRunner.RunAsync("openssl", ["passwd", "-apr1", "-stdin"], standardInput: "correct horse\n", timeout: TimeSpan.FromSeconds(20));
            Assert.True(hash.ExitCode == 0, hash.ToString());
            Directory.CreateDirectory(Path.Combine(Workspace.Root, "etc", "pages"));
            await File.WriteAllTextAsync(Path.Combine(Workspace.Root, "etc", "pages", "502.html"), "<h1>The NAS is asleep</h1>\n");
            var upstream = Own(await LoopbackServer.StartAsync(context => context.Response.WriteAsync("private")));
            return Manifests.Header + $$"""
                accessLists:
                  family: { users: { alice: "{{hash.StandardOutput.Trim()}}" } }
                  elsewhere: { allow: ["10.0.0.0/8"] }
                hosts:
                  dead: { domains: [dead.test], to: "{{dead.Address}}" }
                  custom: { domains: [custom.test], to: "{{dead.Address}}", errorPages: { 502: pages/502.html } }
                  private: { domains: [private.test], to: "{{upstream.Address}}", accessList: family }
                  lan: { domains: [lan.test], to: "{{upstream.Address}}", accessList: elsewhere }
                  limited: { domains: [limited.test], to: "{{upstream.Address}}", rateLimit: { requests: 1, window: 1h } }
                """;
        }
    }
}
