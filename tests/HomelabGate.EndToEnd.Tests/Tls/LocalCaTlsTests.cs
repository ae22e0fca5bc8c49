using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>HTTPS from the local CA, checked with the real curl and openssl as a user would: trust, SNI, the presented
/// chain, protocol versions, forceHttps and HSTS. One daemon serves every case here.</summary>
public sealed class LocalCaTlsTests(LocalCaDaemon daemon) : IClassFixture<LocalCaDaemon>
{
    private int HttpsPort => daemon.HttpsPort;

    private string Port => HttpsPort.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Curl_trusting_the_local_ca_root_gets_the_page_over_http2()
    {
        var result = await ProcessRunner.RunAsync("curl",
        [
            "-sS", "--noproxy", "*", "--max-time", "15", "--http2", "--cacert", daemon.RootPem,
            "--resolve", $"app.home.test:{Port}:127.0.0.1", "-w", "\n%{http_version}", $"https://app.home.test:{Port}/",
        ], timeout: TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 0, $"curl: {result}\n--- daemon ---\n{daemon.Gate.Output}");
        var lines = result.StandardOutput.Split('\n');
        Assert.Equal(LocalCaDaemon.AppBody, lines[0]);
        Assert.Equal("2", lines[^1]);
    }

    [Fact]
    public async Task An_http_1_0_client_that_offers_only_http_1_0_in_alpn_is_served()
    {
        // curl --http1.0 (and old embedded clients) offer ALPN "http/1.0" alone; without it in the server's list the
        // handshake failed with a no_application_protocol alert, where nginx serves them.
        var result = await ProcessRunner.RunAsync("curl",
        [
            "-sS", "--noproxy", "*", "--max-time", "15", "--http1.0", "--cacert", daemon.RootPem,
            "--resolve", $"app.home.test:{Port}:127.0.0.1", $"https://app.home.test:{Port}/",
        ], timeout: TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 0, $"curl: {result}");
        Assert.Equal(LocalCaDaemon.AppBody, result.StandardOutput);
    }

    [Fact]
    public async Task Curl_without_the_local_ca_root_refuses_the_certificate_with_exit_60()
    {
        var result = await ProcessRunner.RunAsync("curl",
            ["-sS", "--noproxy", "*", "--max-time", "15", "--resolve", $"app.home.test:{Port}:127.0.0.1", $"https://app.home.test:{Port}/"],
            timeout: TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 60, $"expected curl exit 60 (peer certificate cannot be authenticated): {result}");
        Assert.DoesNotContain(LocalCaDaemon.AppBody, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openssl_sees_the_wildcard_leaf_and_the_intermediate_and_verifies_the_chain_against_the_root()
    {
        var handshake = await OpenSsl.ConnectAsync(HttpsPort, "x.home.test", "-showcerts");

        Assert.True(handshake.ExitCode == 0, $"s_client: {handshake}");
        var chain = OpenSsl.PresentedChain(handshake.StandardOutput);
        Assert.True(chain.Count == 2, $"expected leaf + intermediate, got {chain.Count} certificates:\n{handshake.StandardOutput}");
        var leaf = await OpenSsl.TextOfAsync(chain[0], "-subject", "-ext", "subjectAltName");
        OutputAssert.Contains("CN = *.home.test", leaf, "the leaf's subject");
        OutputAssert.Contains("DNS:*.home.test, DNS:home.test", leaf, "the leaf's subjectAltName");
        var intermediate = await OpenSsl.TextOfAsync(chain[1], "-subject", "-ext", "basicConstraints,nameConstraints");
        OutputAssert.Contains("CA:TRUE", intermediate, "the intermediate's basicConstraints");
        OutputAssert.Contains("DNS:home.test", intermediate, "the intermediate's nameConstraints");
        Assert.DoesNotContain(await File.ReadAllTextAsync(daemon.RootPem), handshake.StandardOutput, StringComparison.Ordinal);

        var directory = Path.Combine(daemon.Workspace.Root, $"chain-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "leaf.pem"), chain[0]);
        await File.WriteAllTextAsync(Path.Combine(directory, "intermediate.pem"), chain[1]);
        var verify = await OpenSsl.RunAsync("verify", "-CAfile", daemon.RootPem, "-untrusted", Path.Combine(directory, "intermediate.pem"),
            Path.Combine(directory, "leaf.pem"));
        Assert.True(verify.ExitCode == 0, $"openssl verify: {verify}");
        OutputAssert.Contains("leaf.pem: OK", verify.StandardOutput, "openssl verify");
    }

    [Fact]
    public async Task A_server_name_no_certificate_covers_gets_a_failed_handshake_and_no_certificate()
    {
        var handshake = await OpenSsl.ConnectAsync(HttpsPort, "bank.example");

        Assert.True(handshake.ExitCode != 0, $"expected the handshake for bank.example to fail: {handshake}");
        Assert.Empty(OpenSsl.PresentedChain(handshake.StandardOutput));
        OutputAssert.Contains("no peer certificate available", handshake.StandardOutput, "s_client output");
    }

    [Theory]
    [InlineData("-tls1_3", "TLSv1.3")]
    [InlineData("-tls1_2", "TLSv1.2")]
    public async Task Tls_1_3_and_1_2_handshakes_succeed(string flag, string protocol)
    {
        var handshake = await OpenSsl.ConnectAsync(HttpsPort, "app.home.test", flag, "-CAfile", daemon.RootPem, "-verify_return_error");

        Assert.True(handshake.ExitCode == 0, $"s_client {flag}: {handshake}");
        OutputAssert.Contains($"New, {protocol}, Cipher is", handshake.StandardOutput, "s_client output");
        OutputAssert.Contains("Verify return code: 0 (ok)", handshake.StandardOutput, "s_client output");
    }

    [Fact]
    public async Task Tls_1_1_is_refused_with_a_protocol_version_alert()
    {
        // OpenSSL 3 refuses TLS 1.1 itself at its default security level; level 0 lets it ask, so the server decides.
        var handshake = await OpenSsl.ConnectAsync(HttpsPort, "app.home.test", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");

        Assert.True(handshake.ExitCode != 0, $"expected TLS 1.1 to be refused: {handshake}");
        Assert.Empty(OpenSsl.PresentedChain(handshake.StandardOutput));
        OutputAssert.Contains("alert protocol version", handshake.StandardError, "s_client stderr");
    }

    [Theory]
    [InlineData("GET", 301)]
    [InlineData("HEAD", 301)]
    [InlineData("POST", 308)]
    [InlineData("PUT", 308)]
    public async Task Plain_http_to_a_forceHttps_host_redirects_to_the_https_port_with_path_and_query(string method, int status)
    {
        var port = daemon.Workspace.Ports.Proxy;
        string[] methodArguments = method == "HEAD" ? ["-I"] : ["-X", method];

        var result = await Curl.RunAsync([.. methodArguments, "--resolve", $"app.home.test:{port}:127.0.0.1", $"http://app.home.test:{port}/some/path?x=1&y=two"]);

        Assert.Equal(status, result.Status);
        Assert.Equal($"https://app.home.test:{Port}/some/path?x=1&y=two", result.Header("Location"));
    }

    [Fact]
    public async Task An_https_response_of_an_hsts_host_carries_strict_transport_security()
    {
        var result = await Curl.RunAsync("--cacert", daemon.RootPem, "--resolve", $"app.home.test:{Port}:127.0.0.1", $"https://app.home.test:{Port}/");

        Assert.Equal(200, result.Status);
        Assert.StartsWith("max-age=", result.Header("strict-transport-security") ?? "(none)", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_proxied_over_https_tells_its_upstream_the_original_scheme_was_https()
    {
        var echo = UpstreamEcho.From(await Curl.RunAsync("--cacert", daemon.RootPem, "--resolve", $"echo.home.test:{Port}:127.0.0.1",
            $"https://echo.home.test:{Port}/x?y=1"));

        Assert.Equal("echo", echo.Upstream);
        Assert.Equal("https", echo.XForwardedProto);
        Assert.Equal("/x", echo.Path);
    }
}
