using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.EndToEnd.Tests.Tls;

namespace HomelabGate.EndToEnd.Tests.Import;

/// <summary>Every host of the imported NPM fixture, reached with curl through a real <c>gate run</c>, behaves as the
/// nginx configuration NPM rendered for it (tests/fixtures/npm/data/nginx/) would: HTTPS redirects, HSTS, the
/// certificates NPM had, locations, redirect codes, 404 hosts, the default site, access lists and streams.</summary>
public sealed class ImportedNpmServingTests(ImportedNpmDaemon npm) : IClassFixture<ImportedNpmDaemon>
{
    private const string AlicePassword = "alice-fixture-pw";
    private const string Allowed = "100.64.7.9"; // inside the lists' allow 100.64.0.0/10
    private const string Refused = "198.51.100.7";

    [Fact]
    public void The_imported_manifest_passes_gate_validate_and_gate_plan()
    {
        Assert.True(npm.Validate.ExitCode == 0, npm.Validate.ToString());
        Assert.True(npm.Plan.ExitCode == 2, npm.Plan.ToString());
        OutputAssert.Contains("to add, 0 to change, 0 to destroy", npm.Plan.StandardOutput, "gate plan");
    }

    [Fact]
    public async Task A_proxy_host_with_ssl_forced_redirects_http_to_https_and_serves_its_upstream_with_npm_s_custom_certificate()
    {
        var http = await Curl.GetAsync(npm.Workspace.Ports.Proxy, "media.lab.test", "/web/index.html?x=1");
        Assert.Equal(301, http.Status);
        Assert.Equal($"https://media.lab.test:{npm.HttpsPort}/web/index.html?x=1", http.Header("Location"));

        var echo = UpstreamEcho.From(await HttpsAsync("media.lab.test", "/web/index.html?x=1"));
        Assert.Equal(("media", "/web/index.html", "?x=1", $"media.lab.test:{npm.HttpsPort}"), (echo.Upstream, echo.Path, echo.Query, echo.Host));
        Assert.Equal(await FixtureSerialAsync("data/custom_ssl/npm-1/fullchain.pem"), await OpenSsl.LeafSerialAsync(npm.HttpsPort, "media.lab.test"));
    }

    [Fact]
    public async Task The_lets_encrypt_certificate_npm_had_is_served_without_ordering_and_hsts_is_npm_s_header()
    {
        var answer = await HttpsAsync("files.lab.test", "/upload");
        Assert.Equal("files", UpstreamEcho.From(answer).Upstream);
        Assert.Equal("max-age=63072000; includeSubDomains; preload", answer.Header("Strict-Transport-Security"));
        Assert.Equal(await FixtureSerialAsync("letsencrypt/live/npm-2/cert.pem"), await OpenSsl.LeafSerialAsync(npm.HttpsPort, "files.lab.test"));
        Assert.DoesNotContain("Ordering certificate", npm.Gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_locations_keep_nginx_s_path_handling()
    {
        Assert.Equal(("metrics", "/metrics/node"), Seen(await Curl.GetAsync(npm.Workspace.Ports.Proxy, "tools.lab.test", "/metrics/node")));
        Assert.Equal(("docs", "/handbook/guide.html"), Seen(await Curl.GetAsync(npm.Workspace.Ports.Proxy, "tools.lab.test", "/docs/guide.html")));
        Assert.Equal(("tools", "/dashboard"), Seen(await Curl.GetAsync(npm.Workspace.Ports.Proxy, "tools.lab.test", "/dashboard")));
    }

    [Fact]
    public async Task The_redirection_host_forces_https_then_redirects_301_keeping_the_path()
    {
        var http = await Curl.GetAsync(npm.Workspace.Ports.Proxy, "www.lab.test", "/a/b?c=d");
        Assert.Equal((301, $"https://www.lab.test:{npm.HttpsPort}/a/b?c=d"), (http.Status, http.Header("Location")));
        var https = await HttpsAsync("www.lab.test", "/a/b?c=d");
        Assert.Equal((301, "https://lab.test/a/b?c=d"), (https.Status, https.Header("Location")));
    }

    [Theory]
    [InlineData("parked.lab.test", 404, null)]
    [InlineData("old.lab.test", 301, "https://lab.test")] // disabled in NPM: imported commented out, so the default site answers
    [InlineData("tmp.lab.test", 301, "https://lab.test")] // deleted in NPM
    [InlineData("unknown.lab.test", 301, "https://lab.test")]
    public async Task The_404_host_and_npm_s_default_site(string host, int status, string? location)
    {
        var answer = await Curl.GetAsync(npm.Workspace.Ports.Proxy, host, "/anything");
        Assert.Equal((status, location), (answer.Status, answer.Header("Location")));
    }

    /// <summary>nginx "satisfy any": an allowed address OR a valid login; a refused address is asked for a password (401).</summary>
    [Theory]
    [InlineData(Allowed, null, 200)]
    [InlineData(Allowed, "wrong-password", 200)]
    [InlineData(Refused, null, 401)]
    [InlineData(Refused, "wrong-password", 401)]
    [InlineData(Refused, AlicePassword, 200)]
    public async Task The_satisfy_any_access_list_behaves_as_npm_s_nginx_config(string client, string? password, int status)
    {
        var answer = await HttpsAsync("pw.lab.test", "/", Credentials(client, password));
        Assert.Equal(status, answer.Status);
        if (status == 200)
        {
            Assert.Equal("household / authorization=no", answer.Body); // pass_auth 0: NPM strips Authorization
        }
    }

    /// <summary>nginx "satisfy all": an allowed address AND a valid login; a refused address gets 403 whatever it sends.</summary>
    [Theory]
    [InlineData(Allowed, AlicePassword, 200)]
    [InlineData(Allowed, "wrong-password", 401)]
    [InlineData(Allowed, null, 401)]
    [InlineData(Refused, AlicePassword, 403)]
    [InlineData(Refused, null, 403)]
    public async Task The_satisfy_all_access_list_behaves_as_nginx_and_reaches_an_https_upstream_with_a_self_signed_certificate(string client, string? password, int status)
    {
        var answer = await HttpsAsync("hv.lab.test", "/api2/json", Credentials(client, password));
        Assert.Equal(status, answer.Status);
        if (status == 200)
        {
            Assert.Equal("proxmox /api2/json authorization=yes", answer.Body); // pass_auth 1
        }
    }

    [Fact]
    public async Task Both_streams_forward_tcp()
    {
        for (var i = 0; i < 2; i++)
        {
            var echo = UpstreamEcho.From(await Curl.RunAsync($"http://127.0.0.1:{npm.StreamPorts[i]}/through-stream"));
            Assert.Equal((i == 0 ? "ssh" : "dns", "/through-stream"), (echo.Upstream, echo.Path));
        }
    }

    private Task<HttpResult> HttpsAsync(string host, string path, params string[] extra) =>
        Curl.RunAsync(["-k", "--resolve", $"{host}:{npm.HttpsPort}:127.0.0.1", .. extra, $"https://{host}:{npm.HttpsPort}{path}"]);

    private static string[] Credentials(string client, string? password) =>
        password is null ? ["-H", $"X-Forwarded-For: {client}"] : ["-H", $"X-Forwarded-For: {client}", "-u", $"alice:{password}"];

    private static (string, string) Seen(HttpResult answer)
    {
        var echo = UpstreamEcho.From(answer);
        return (echo.Upstream, echo.Path);
    }

    private async Task<string> FixtureSerialAsync(string relative) =>
        (await OpenSsl.TextOfAsync(File.ReadAllText(Path.Combine(npm.Npm.Root, relative)), "-serial")).Trim().Replace("serial=", "", StringComparison.Ordinal).TrimStart('0');
}
