using HomelabGate.Import.Tests.Support;

namespace HomelabGate.Import.Tests.Npm;

/// <summary>Rows the fixture does not have, made the way NPM stores them: other redirect codes and schemes, other DNS
/// plugins, an HTTP-01 certificate, UDP-only streams, names that collide.</summary>
public sealed class VariationTests : IDisposable
{
    private readonly ImportWorkspace _work = new();

    [Fact]
    public void A_303_redirect_keeping_the_request_scheme_is_imported_as_302_to_https_and_both_are_reported()
    {
        _work.Npm.Execute("UPDATE redirection_host SET forward_http_code = 303, ssl_forced = 0, preserve_path = 0 WHERE id = 1");
        var result = _work.Import();
        Assert.Contains("redirect:\n      to: https://lab.test\n      # ATTENTION: NPM answered 303; gate redirects with 301, 302, 307 or 308.\n      status: 302\n      preservePath: false\n", result.Manifest, StringComparison.Ordinal);
        Assert.Contains(result.Report.Items, i => i.Message.Contains("sends both http and https requests to https", StringComparison.Ordinal));
    }

    [Fact]
    public void An_rfc2136_certificate_maps_server_tsig_and_a_guessed_zone_with_the_secret_in_a_file()
    {
        _work.Npm.Execute("UPDATE certificate SET meta = $1 WHERE id = 2",
            "{\"dns_challenge\":true,\"dns_provider\":\"rfc2136\",\"dns_provider_credentials\":\"dns_rfc2136_server = 192.0.2.53\\ndns_rfc2136_port = 5353\\ndns_rfc2136_name = acme-key\\ndns_rfc2136_secret = c2VjcmV0LXRzaWc=\\ndns_rfc2136_algorithm = HMAC-SHA512\",\"propagation_seconds\":30}");
        var result = _work.Import();
        Assert.Contains("provider: rfc2136\n      server: \"192.0.2.53:5353\"", result.Manifest, StringComparison.Ordinal);
        Assert.Contains("zone: lab.test\n", result.Manifest, StringComparison.Ordinal);
        Assert.Contains("algorithm: hmac-sha512\n", result.Manifest, StringComparison.Ordinal);
        Assert.Contains("propagationTimeout: \"30s\"", result.Manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LXRzaWc=", result.Manifest, StringComparison.Ordinal);
        Assert.Equal("c2VjcmV0LXRzaWc=\n", result.Files.Single(f => f.Path.EndsWith("letsencrypt.tsig", StringComparison.Ordinal) && f.Secret).Content);
    }

    [Fact]
    public void A_dns_plugin_gate_lacks_becomes_an_exec_hook_with_its_credentials_kept_in_a_0600_file()
    {
        _work.Npm.Execute("UPDATE certificate SET meta = $1 WHERE id = 2",
            "{\"dns_challenge\":true,\"dns_provider\":\"duckdns\",\"dns_provider_credentials\":\"dns_duckdns_token = duck-secret-123\"}");
        var result = _work.Import();
        Assert.Contains("provider: exec\n", result.Manifest, StringComparison.Ordinal);
        Assert.Contains("gate has no built-in 'duckdns' provider", result.Manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("duck-secret-123", result.Manifest, StringComparison.Ordinal);
        Assert.Contains(result.Files, f => f.Secret && f.Content.Contains("duck-secret-123", StringComparison.Ordinal));
    }

    [Fact]
    public void An_http01_certificate_is_imported_from_its_files_with_the_reason_dns01_is_needed()
    {
        _work.Npm.Execute("UPDATE certificate SET meta = '{\"key_type\":\"ecdsa\"}' WHERE id = 2");
        var result = _work.Import();
        Assert.Contains("lab-test:\n    files:\n", result.Manifest, StringComparison.Ordinal);
        Assert.Contains("works behind CGNAT", result.Manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("issuers:", result.Manifest, StringComparison.Ordinal);
        Assert.Empty(result.Seeds);
    }

    [Fact]
    public void A_udp_only_stream_is_commented_out_and_reported()
    {
        _work.Npm.Execute("UPDATE stream SET tcp_forwarding = 0 WHERE id = 2");
        var result = _work.Import();
        Assert.Contains("  # port-53:\n  #   listen: \"0.0.0.0:53\"", result.Manifest, StringComparison.Ordinal);
        Assert.Contains(result.Report.Items, i => i.Subject == "stream 2 (port 53)" && i.Message.StartsWith("UDP only", StringComparison.Ordinal));
    }

    [Fact]
    public void Hosts_whose_first_labels_collide_get_their_whole_domain_as_name()
    {
        _work.Npm.Execute("UPDATE proxy_host SET domain_names = '[\"media.other.test\"]' WHERE id = 2");
        var result = _work.Import();
        Assert.Contains("\n  media:\n    domains: [media.lab.test]", result.Manifest, StringComparison.Ordinal);
        Assert.Contains("\n  media-other-test:\n    domains: [media.other.test]", result.Manifest, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Dispose();
}
