using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Validation;

public sealed class RuleTests
{
    private static IReadOnlyList<Diagnostic> Errors(string yaml) =>
        ManifestFixture.Load(yaml).Diagnostics.Where(d => d.IsError).ToList();

    [Fact]
    public void Rejects_a_domain_served_by_two_hosts_and_names_the_first_line()
    {
        var error = Assert.Single(Errors("version: 1\nhosts:\n  a: { domains: [nas.home.test], to: http://a:1 }\n  b:\n    domains: [NAS.home.test.]\n    to: http://b:1\n"));
        Assert.Equal(DiagnosticCodes.DuplicateDomain, error.Code);
        Assert.Equal("domain 'NAS.home.test' is defined in hosts 'a' and 'b' (also at line 3)", error.Summary);
        Assert.Equal(new SourceLocation("homelab.yaml", 5, 15), error.Location);
    }

    [Fact]
    public void Rejects_an_unknown_upstream_with_a_did_you_mean()
    {
        var error = Assert.Single(Errors("version: 1\nupstreams:\n  media: { targets: [\"http://a:1\"] }\nhosts:\n  j: { domains: [j.test], upstream: meda }\n"));
        Assert.Equal(DiagnosticCodes.UnknownReference, error.Code);
        Assert.Equal("unknown upstream 'meda'", error.Summary);
        Assert.Equal("did you mean 'media'?", error.Hint);
        Assert.Equal(5, error.Location!.Line);
    }

    [Theory]
    [InlineData("certificate: wild", "unknown certificate 'wild'")]
    [InlineData("accessList: family", "unknown access list 'family'")]
    public void Rejects_references_to_sections_that_do_not_exist(string line, string summary)
    {
        var error = Assert.Single(Errors($"version: 1\nhosts:\n  j:\n    domains: [j.test]\n    to: http://a:1\n    {line}\n"));
        Assert.Equal(summary, error.Summary);
    }

    [Theory]
    [InlineData("bad_host..test", "empty label")]
    [InlineData("-x.test", "starts or ends with '-'")]
    [InlineData("a.*.test", "'*' may only be the first label")]
    [InlineData("sp ace.test", "other than letters")]
    public void Rejects_invalid_host_names(string domain, string problem)
    {
        var error = Assert.Single(Errors($"version: 1\nhosts:\n  j: {{ domains: [\"{domain}\"], to: http://a:1 }}\n"));
        Assert.Equal(DiagnosticCodes.InvalidHostName, error.Code);
        Assert.Contains(problem, error.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://a:1", "scheme 'ftp'")]
    [InlineData("192.168.1.5:80", "scheme")]
    [InlineData("not a url", "not an absolute URL")]
    public void Rejects_upstream_urls_that_cannot_be_proxied_to(string url, string problem)
    {
        var error = Assert.Single(Errors($"version: 1\nhosts:\n  j: {{ domains: [j.test], to: \"{url}\" }}\n"));
        Assert.Equal(DiagnosticCodes.InvalidUrl, error.Code);
        Assert.Contains(problem, error.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0:70000", "from 1 to 65535")]
    [InlineData("0.0.0.0", "port is missing")]
    [InlineData("myhost:80", "not an IP address")]
    public void Rejects_listen_addresses_with_bad_ports_or_hosts(string address, string problem)
    {
        var error = Assert.Single(Errors($"version: 1\nsettings:\n  listen: {{ http: \"{address}\" }}\n"));
        Assert.Equal(DiagnosticCodes.InvalidAddress, error.Code);
        Assert.Contains(problem, error.Summary, StringComparison.Ordinal);
        Assert.Equal(3, error.Location!.Line);
    }

    [Fact]
    public void Rejects_a_cidr_that_is_not_one()
    {
        var error = Assert.Single(Errors("version: 1\naccessLists:\n  lan: { allow: [\"192.168.1.0/33\", all, \"fd00::/8\"] }\n"));
        Assert.Equal(DiagnosticCodes.InvalidCidr, error.Code);
        Assert.Equal("'192.168.1.0/33' is not an IP address or CIDR", error.Summary);
    }

    [Fact]
    public void Rejects_a_plain_password_and_points_to_hash_password()
    {
        var error = Assert.Single(Errors("version: 1\naccessLists:\n  lan: { users: { alice: hunter2 } }\n"));
        Assert.Equal(DiagnosticCodes.InlineSecret, error.Code);
        Assert.Contains("gate hash-password", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Summary + error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_header_values_with_line_breaks()
    {
        var error = Assert.Single(Errors("version: 1\nhosts:\n  j:\n    domains: [j.test]\n    to: http://a:1\n    headers: { response: { add: { X-A: \"a\\r\\nSet-Cookie: x\" } } }\n"));
        Assert.Equal(DiagnosticCodes.InvalidHeader, error.Code);
    }

    [Fact]
    public void Rejects_a_host_that_does_nothing_and_one_that_does_two_things()
    {
        var errors = Errors("version: 1\nhosts:\n  none: { domains: [a.test] }\n  both: { domains: [b.test], to: http://a:1, respond: { status: 200 } }\n");
        Assert.Equal(2, errors.Count(e => e.Code == DiagnosticCodes.HostAction));
    }

    [Theory]
    [InlineData("{ name: a.test, type: A, value: fd00::1 }", "not an IPv4 address")]
    [InlineData("{ name: a.test, type: AAAA, value: 10.0.0.1 }", "not an IPv6 address")]
    [InlineData("{ name: a.test, type: CNAME, value: \"x y\" }", "not a host name")]
    public void Rejects_dns_values_that_do_not_fit_their_type(string record, string problem)
    {
        var error = Assert.Single(Errors($"version: 1\ndns:\n  provider: {{ type: rfc2136, server: \"127.0.0.1:53\", zone: test }}\n  records:\n    - {record}\n"));
        Assert.Contains(problem, error.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_cname_beside_other_records_and_duplicates()
    {
        var errors = Errors("version: 1\ndns:\n  provider: { type: hosts-file, path: /tmp/h }\n  records:\n    - { name: a.test, type: A, value: 10.0.0.1 }\n    - { name: a.test, type: A, value: 10.0.0.1 }\n    - { name: a.test, type: CNAME, value: b.test }\n");
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.DuplicateDnsRecord);
        Assert.Contains(errors, e => e.Summary.Contains("a CNAME and other records", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_force_https_without_an_https_listener()
    {
        var error = Assert.Single(Errors("version: 1\nhosts:\n  j: { domains: [j.test], to: http://a:1, forceHttps: true }\n"));
        Assert.Equal(DiagnosticCodes.TlsSettings, error.Code);
    }

    [Fact]
    public void Warns_when_a_certificate_does_not_cover_its_host()
    {
        var result = ManifestFixture.Load("version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n  c: { issuer: local, domains: [\"*.home.test\"] }\nhosts:\n  j: { domains: [j.home.test, deep.j.home.test], to: http://a:1, certificate: c }\n");
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("does not cover 'deep.j.home.test'", warning.Summary, StringComparison.Ordinal);
    }
}
