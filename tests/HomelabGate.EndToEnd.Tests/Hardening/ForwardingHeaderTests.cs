using System.Net;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>What an upstream learns about the client comes from the gate, not from the client: from an untrusted peer
/// (127.0.0.1 here) every X-Forwarded-*, Forwarded and X-Real-IP header is replaced; from the trusted proxy
/// (127.0.0.2) its headers are kept and X-Forwarded-For gets the peer appended. A header with an underscore never
/// passes, so CGI and WSGI apps cannot read a client's <c>Remote_User</c> as the REMOTE_USER forward auth set.</summary>
public sealed class ForwardingHeaderTests(RequestHandlingDaemon daemon) : IClassFixture<RequestHandlingDaemon>
{
    private const string Spoofed = "6.6.6.6";
    private static readonly IPAddress TrustedProxy = IPAddress.Parse("127.0.0.2");

    private static readonly string[] ForwardingHeaders =
        ["X-Real-IP", "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server"];

    private async Task<RawTargetEcho> GetAsync(string host, IEnumerable<string> headers, IPAddress? from = null)
    {
        var request = new StringBuilder($"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }
        return RawTargetEcho.From(await RawHttp.SendAsync(daemon.Gate.Workspace.Ports.Proxy, request.Append("\r\n").ToString(), from));
    }

    [Fact]
    public async Task An_untrusted_clients_forwarding_headers_are_replaced_by_what_the_gate_saw()
    {
        var echo = await GetAsync("app.test", ForwardingHeaders.Select(h => $"{h}: {Spoofed}"));

        Assert.Equal("127.0.0.1", echo.Header("X-Real-IP"));
        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
        Assert.Equal("app.test", echo.Header("X-Forwarded-Host"));
        Assert.Null(echo.Header("Forwarded"));
        Assert.Null(echo.Header("X-Forwarded-Port"));
        Assert.DoesNotContain(echo.Headers.Values.SelectMany(v => v), v => v.Contains(Spoofed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trusted_proxys_headers_are_kept_and_the_peer_appended()
    {
        var echo = await GetAsync("app.test",
            ["X-Forwarded-For: 198.51.100.4", "X-Forwarded-Proto: https", "X-Forwarded-Host: app.example", "Forwarded: for=198.51.100.4;proto=https"], TrustedProxy);

        Assert.Equal("198.51.100.4, 127.0.0.2", echo.Header("X-Forwarded-For"));
        Assert.Equal("198.51.100.4", echo.Header("X-Real-IP"));
        Assert.Equal("https", echo.Header("X-Forwarded-Proto"));
        Assert.Equal("app.example", echo.Header("X-Forwarded-Host"));
        Assert.Equal("for=198.51.100.4;proto=https", echo.Header("Forwarded"));
    }

    [Fact]
    public async Task Forward_auths_identity_cannot_be_shadowed_by_any_spelling_of_the_clients_own()
    {
        var spellings = new[] { "Remote_User", "remote_user", "REMOTE_USER", "Remote-User", "remote-user", "REMOTE-USER", "Remote_Groups", "remote-groups" };

        var echo = await GetAsync("sso.test", spellings.Select(s => $"{s}: admin"));

        Assert.Equal("alice", echo.Header("Remote-User"));
        Assert.Equal("users", echo.Header("Remote-Groups"));
        Assert.DoesNotContain(echo.Headers, h => h.Key.Contains('_') || h.Value.Contains("admin"));
    }

    [Theory]
    [InlineData("/p%2Fq?x=%2f", "/p%2Fq?x=%2f")]
    [InlineData("http://sso.test/p%2Fq?x=1", "/p/q?x=1")]
    public async Task The_auth_server_is_told_the_path_and_query_as_sent_never_a_whole_url(string target, string expected)
    {
        var answer = await RawHttp.SendAsync(daemon.Gate.Workspace.Ports.Proxy, $"GET {target} HTTP/1.1\r\nHost: sso.test\r\nConnection: close\r\n\r\n");

        Assert.Equal(expected, RawTargetEcho.From(answer).Header("Remote-Uri"));
    }

    [Fact]
    public async Task Generated_spellings_of_forwarding_headers_never_carry_a_clients_value_to_the_upstream()
    {
        var random = new Random(4242);
        for (var i = 0; i < 40; i++)
        {
            var headers = Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"{Spell(random, ForwardingHeaders[random.Next(ForwardingHeaders.Length)])}: {Spoofed}").ToList();

            var echo = await GetAsync(random.Next(2) == 0 ? "app.test" : "sso.test", headers);

            Assert.False(echo.Headers.Values.SelectMany(v => v).Any(v => v.Contains(Spoofed, StringComparison.Ordinal)), $"case {i}: {string.Join(" | ", headers)} reached the upstream as {string.Join(" | ", echo.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}"))}");
        }
    }

    /// <summary>The name with random letter case and, sometimes, underscores for its dashes.</summary>
    private static string Spell(Random random, string name)
    {
        var letters = name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray();
        var spelled = new string(letters);
        return random.Next(3) == 0 ? spelled.Replace('-', '_') : spelled;
    }
}
