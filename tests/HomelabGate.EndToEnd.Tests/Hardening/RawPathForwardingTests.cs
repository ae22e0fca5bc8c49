using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>The upstream gets the path the client sent, byte for byte (less a stripped location prefix): Gitea and
/// WebDAV rely on <c>%2F</c> staying <c>%2F</c>. Paths an upstream could resolve outside the location they were routed
/// to are refused instead.</summary>
public sealed class RawPathForwardingTests(RequestHandlingDaemon daemon) : IClassFixture<RequestHandlingDaemon>
{
    private Task<RawAnswer> GetAsync(string target, string host = "app.test") =>
        RawHttp.SendAsync(daemon.Gate.Workspace.Ports.Proxy, $"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

    [Theory]
    [InlineData("/x/admin%2fx", "host", "/x/admin%2fx")]
    [InlineData("/repo/raw/branch/main/dir%2Ffile.go", "host", "/repo/raw/branch/main/dir%2Ffile.go")]
    [InlineData("/admin/a%2fb%20c?q=%2f&r=%2F", "admin", "/a%2fb%20c?q=%2f&r=%2F")]
    [InlineData("/admin/x%3By", "admin", "/x%3By")]
    [InlineData("/a%FFb", "host", "/a%FFb")]
    [InlineData("/%61dmin/x", "admin", "/x")]
    [InlineData("/ADMIN/q", "admin", "/q")]
    [InlineData("/admin", "admin", "/")]
    [InlineData("/keep/a%2Fb", "keep", "/keep/a%2Fb")]
    [InlineData("/a/%2e%2e/admin/x", "admin", "/x")]
    [InlineData("/a#b", "host", "/a%23b")]
    public async Task The_upstream_sees_the_clients_own_percent_encoding(string target, string upstream, string expected)
    {
        var answer = await GetAsync(target);

        var echo = RawTargetEcho.From(answer);
        Assert.Contains($"X-Served-By: {upstream}", answer.Text);
        Assert.Equal(expected, echo.RawTarget);
    }

    [Theory]
    [InlineData("/admin/..%2fx")]
    [InlineData("/keep/..%2Fadmin/secret")]
    [InlineData("/public/%2e%2e%5cadmin")]
    [InlineData("/public/..;/admin")]
    [InlineData("/admin%2fsecret")]
    [InlineData("http://app.test/admin/..%2fx")]
    public async Task A_path_that_an_upstream_could_resolve_into_another_location_is_refused(string target)
    {
        var before = daemon.UpstreamRequests;

        var answer = await GetAsync(target);

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal(before, daemon.UpstreamRequests);
    }

    [Fact]
    public async Task A_redirect_that_keeps_the_path_keeps_its_encoding()
    {
        var answer = await GetAsync("/a%2Fb%3Bc?x=%2f", host: "moved.test");

        Assert.Contains("Location: https://new.test/a%2Fb%3Bc?x=%2f\r\n", answer.Text);
    }

    [Fact]
    public async Task Generated_paths_reach_the_location_their_decoded_form_names_with_their_bytes_intact()
    {
        var random = new Random(20261127);
        var forwarded = 0;
        for (var i = 0; i < 300; i++)
        {
            var path = PathGenerator.Next(random);
            var answer = await GetAsync(path);
            var context = $"case {i}: GET {path} → {answer}";

            Assert.True(answer.Status is 200 or 400, context);
            if (answer.Status != 200)
            {
                continue;
            }
            forwarded++;
            var echo = RawTargetEcho.From(answer);
            var servedBy = answer.Text.Contains("X-Served-By: admin", StringComparison.Ordinal) ? "admin"
                : answer.Text.Contains("X-Served-By: keep", StringComparison.Ordinal) ? "keep" : "host";
            // Agreement: the location that answered is the one the path names as an upstream that decodes %2F would
            // read it, and no dot segment survives that decoding.
            var decoded = PathGenerator.Decoded(PathGenerator.Normalized(path));
            Assert.True(PathGenerator.Location(decoded) == servedBy, $"{context}\n(decoded {decoded})");
            Assert.DoesNotContain(PathGenerator.Decoded(echo.RawTarget).Split('/'), s => s is "." or "..");
            if (!PathGenerator.HasDotSegment(path))
            {
                Assert.True(PathGenerator.Expected(path, servedBy) == echo.RawTarget, $"{context}\n(upstream saw {echo.RawTarget})");
            }
        }
        Assert.InRange(forwarded, 100, 290);
    }
}
