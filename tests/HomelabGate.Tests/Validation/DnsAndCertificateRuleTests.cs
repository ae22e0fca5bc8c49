using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Validation.Rules;
using HomelabGate.Dns.HostsFile;
using HomelabGate.Dns.PiHole;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Tests.Validation;

/// <summary>What issue 12 asked validation to catch: record types a provider cannot hold, names outside a local CA's
/// constraints, DNS-01 settings a provider needs, .local names; and reference errors beside schema errors.</summary>
public sealed class DnsAndCertificateRuleTests
{
    private static IReadOnlyList<Diagnostic> Diagnostics(string yaml) => ManifestFixture.Load(yaml).Diagnostics;

    [Theory]
    [InlineData("{ type: pihole, url: \"http://192.168.1.2\", password: \"${env:P}\" }", "TXT", "TXT record 'home.test': the pihole provider cannot hold TXT records", "pihole holds A, AAAA, CNAME records")]
    [InlineData("{ type: hosts-file, path: /tmp/h }", "CNAME", "CNAME record 'home.test': the hosts-file provider cannot hold CNAME records", "hosts-file holds A, AAAA records")]
    public void Rejects_a_record_type_the_dns_provider_cannot_hold(string provider, string type, string summary, string hint)
    {
        var value = type == "TXT" ? "hello" : "nas.home.test";
        var error = Assert.Single(Diagnostics($"version: 1\ndns:\n  provider: {provider}\n  records:\n    - {{ name: home.test, type: {type}, value: {value} }}\n"), d => d.IsError);

        Assert.Equal(DiagnosticCodes.InvalidDnsRecord, error.Code);
        Assert.Equal(summary, error.Summary);
        Assert.StartsWith(hint, error.Hint, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("homelab.yaml", 5, 32), error.Location);
    }

    [Fact]
    public void The_record_types_validation_allows_are_the_ones_the_providers_declare()
    {
        IDnsProvider[] providers = [new Rfc2136Provider(null!), new PiholeProvider(null!), new HostsFileProvider("/tmp/h", null)];
        string[] names = ["rfc2136", "pihole", "hosts-file"];

        for (var i = 0; i < providers.Length; i++)
        {
            Assert.Equal(providers[i].Capabilities.Types.Select(t => t.ToString()).Order(), DnsProviderTypes.Supported(names[i]).Order());
        }
    }

    [Fact]
    public void Rejects_certificate_names_outside_the_local_cas_name_constraints()
    {
        var errors = Diagnostics("version: 1\nissuers:\n  local: { type: local-ca, nameConstraints: { dns: [home.test] } }\ncertificates:\n  c: { issuer: local, domains: [\"*.home.test\", nas.home.test, bank.example, 192.168.1.5] }\n")
            .Where(d => d.IsError).ToList();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.OutsideNameConstraints, e.Code));
        Assert.Equal("'bank.example' of certificate 'c' is outside the name constraints of issuer 'local' (dns: home.test; ip: none)", errors[0].Summary);
        Assert.Equal("'192.168.1.5' of certificate 'c' is outside the name constraints of issuer 'local' (dns: home.test; ip: none)", errors[1].Summary);
        Assert.Equal(new SourceLocation("homelab.yaml", 5, 63), errors[0].Location);
    }

    [Fact]
    public void Accepts_an_ip_inside_a_constrained_range_and_refuses_ip_only_constraints()
    {
        Assert.True(ManifestFixture.Load("version: 1\nissuers:\n  local: { type: local-ca, nameConstraints: { dns: [home.test], ip: [\"192.168.1.0/24\"] } }\ncertificates:\n  c: { issuer: local, domains: [nas.home.test, 192.168.1.5] }\n").Succeeded);

        var error = Assert.Single(Diagnostics("version: 1\nissuers:\n  local: { type: local-ca, nameConstraints: { ip: [\"192.168.1.0/24\"] } }\n"), d => d.IsError);
        Assert.Equal("issuer 'local' constrains IP addresses but no DNS names, so no constraints are applied", error.Summary);
    }

    [Theory]
    [InlineData("provider: rfc2136, server: \"10.0.0.53:53\"", "issuer 'le' uses the rfc2136 DNS-01 provider and needs dns01.zone", "add the zone the certificate names live in, e.g. zone: example.com")]
    [InlineData("provider: rfc2136, zone: example.com", "issuer 'le' uses the rfc2136 DNS-01 provider and needs dns01.server", "add the primary that accepts updates, e.g. server: \"192.168.1.2:53\"")]
    [InlineData("provider: cloudflare", "issuer 'le' uses the cloudflare DNS-01 provider and needs dns01.apiToken", "add a token with Zone:Read and DNS:Edit, e.g. apiToken: \"${env:CF_API_TOKEN}\"")]
    [InlineData("provider: exec", "issuer 'le' uses the exec DNS-01 provider and needs dns01.command", "add a hook called as COMMAND present|cleanup FQDN VALUE")]
    public void Rejects_a_dns01_provider_without_what_it_needs(string dns01, string summary, string hint)
    {
        var error = Assert.Single(Diagnostics($"version: 1\nissuers:\n  le:\n    type: acme\n    directory: letsencrypt\n    dns01: {{ {dns01} }}\n"), d => d.IsError);

        Assert.Equal(DiagnosticCodes.Dns01Settings, error.Code);
        Assert.Equal(summary, error.Summary);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(new SourceLocation("homelab.yaml", 6, 5), error.Location);
    }

    [Fact]
    public void Accepts_cloudflare_without_a_zone_because_it_finds_the_zone_itself() =>
        Assert.True(ManifestFixture.Load("version: 1\nissuers:\n  le: { type: acme, directory: letsencrypt, dns01: { provider: cloudflare, apiToken: \"${env:CF}\" } }\n").Succeeded);

    [Fact]
    public void Warns_about_dot_local_names_and_suggests_home_arpa()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  nas: { domains: [nas.local, nas.home.arpa], to: http://10.0.0.5:80 }\n");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.MulticastDnsName), (warning.Severity, warning.Code));
        Assert.Equal("'nas.local' ends in .local, which devices resolve with multicast DNS (RFC 6762), not through your DNS server", warning.Summary);
        Assert.Equal("use home.arpa (RFC 8375), e.g. 'nas.home.arpa'", warning.Hint);
        Assert.Equal(new SourceLocation("homelab.yaml", 3, 20), warning.Location);
    }

    [Fact]
    public void Reports_an_unknown_reference_in_the_same_run_as_a_schema_error()
    {
        var errors = Diagnostics("version: 1\nupstreams:\n  media: { targets: [\"http://10.0.0.5:80\"] }\nhosts:\n  a: { domains: 5, to: http://10.0.0.6:80 }\n  b: { domains: [b.test], upstream: meda }\n")
            .Where(d => d.IsError).ToList();

        Assert.Equal([DiagnosticCodes.WrongType, DiagnosticCodes.UnknownReference], errors.Select(e => e.Code));
        Assert.Equal("unknown upstream 'meda'", errors[1].Summary);
        Assert.Equal("did you mean 'media'?", errors[1].Hint);
    }
}
