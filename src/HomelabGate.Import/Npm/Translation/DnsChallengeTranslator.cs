using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>Turns the certbot DNS plugin an NPM Let's Encrypt certificate used into an ACME issuer: cloudflare and rfc2136
/// map onto gate's providers, any other becomes an <c>exec</c> hook to fill in. Credentials go to 0600 files; certificates
/// with the same plugin and credentials share one issuer.</summary>
internal sealed class DnsChallengeTranslator(ImportContext context)
{
    private readonly Dictionary<string, string> _issuers = new(StringComparer.Ordinal);

    public string IssuerFor(NpmCertificate certificate, string subject)
    {
        var provider = certificate.DnsProvider ?? "unknown";
        var identity = string.Join('\n', provider, certificate.DnsCredentials?.Value ?? "", certificate.Email ?? "", certificate.PropagationSeconds ?? 0);
        if (_issuers.TryGetValue(identity, out var existing))
        {
            return existing;
        }
        var name = context.Names.Allocate("issuers", "letsencrypt", $"letsencrypt-{provider}");
        var issuer = new YamlMap();
        issuer.Add("type", "acme");
        issuer.Add("directory", "letsencrypt");
        if (!string.IsNullOrEmpty(certificate.Email))
        {
            issuer.Add("email", certificate.Email);
        }
        var dns01 = issuer.Map("dns01");
        var credentials = CertbotCredentials.Parse(certificate.DnsCredentials);
        switch (provider)
        {
            case "cloudflare":
                Cloudflare(dns01, credentials, name, subject);
                break;
            case "rfc2136":
                Rfc2136(dns01, credentials, certificate, name, subject);
                break;
            default:
                Exec(dns01, certificate, provider, name, subject);
                break;
        }
        if (certificate.PropagationSeconds is > 0 and var seconds)
        {
            dns01.Add("propagationTimeout", $"{seconds}s").Comment("NPM's propagation seconds: how long to wait for the TXT record to be visible.");
        }
        context.Issuers.Add(name, issuer).Comment($"Let's Encrypt over DNS-01 with certbot's {provider} plugin, as NPM used it.");
        _issuers[identity] = name;
        return name;
    }

    private void Cloudflare(YamlMap dns01, CertbotCredentials credentials, string issuer, string subject)
    {
        dns01.Add("provider", "cloudflare");
        if (credentials["dns_cloudflare_api_token"] is { } token)
        {
            dns01.Add("apiToken", context.AddSecret(Path.Combine("dns", $"{issuer}.token"), token.Value));
            return;
        }
        var path = context.SecretPath(Path.Combine("dns", $"{issuer}.token"));
        dns01.Add("apiToken", $"${{file:{path}}}").Comment($"ATTENTION: NPM used a global API key; gate needs a scoped API token (Zone.DNS edit). Create one and write it to {path}.");
        context.Report.Attention(subject, $"NPM used a Cloudflare global API key; create a scoped API token (Zone.DNS edit) and write it to {path} (mode 0600)");
    }

    private void Rfc2136(YamlMap dns01, CertbotCredentials credentials, NpmCertificate certificate, string issuer, string subject)
    {
        dns01.Add("provider", "rfc2136");
        var port = credentials.Plain("dns_rfc2136_port") ?? "53";
        dns01.Add("server", $"{credentials.Plain("dns_rfc2136_server") ?? "127.0.0.1"}:{port}");
        var zone = certificate.Domains.Select(d => d.TrimStart('*', '.')).OrderBy(d => d.Length).FirstOrDefault() ?? "";
        dns01.Add("zone", zone).Comment("ATTENTION: certbot finds the zone itself; this one is the certificate's shortest name. Check it.");
        context.Report.Attention(subject, $"the RFC 2136 zone '{zone}' is a guess from the certificate's names (certbot looked it up); check it");
        var algorithm = (credentials.Plain("dns_rfc2136_algorithm") ?? "HMAC-SHA512").ToLowerInvariant();
        var tsig = dns01.Map("tsig");
        tsig.Add("name", credentials.Plain("dns_rfc2136_name") ?? "");
        if (algorithm is "hmac-sha256" or "hmac-sha512" or "hmac-sha1")
        {
            tsig.Add("algorithm", algorithm);
        }
        else
        {
            tsig.Entries[0].Comment($"ATTENTION: NPM used TSIG algorithm {algorithm}; gate supports hmac-sha256, hmac-sha512 and hmac-sha1.");
            context.Report.Attention(subject, $"TSIG algorithm {algorithm} is not supported by gate; make a hmac-sha256 key");
        }
        tsig.Add("secret", context.AddSecret(Path.Combine("dns", $"{issuer}.tsig"), credentials.Plain("dns_rfc2136_secret") ?? ""));
    }

    private void Exec(YamlMap dns01, NpmCertificate certificate, string provider, string issuer, string subject)
    {
        dns01.Add("provider", "exec");
        var script = context.SecretPath(Path.Combine("dns", $"{issuer}-hook.sh"));
        var credentials = certificate.DnsCredentials is { } text ? context.AddSecret(Path.Combine("dns", $"{issuer}.ini"), text.Value) : null;
        dns01.Add("command", script).Comment(
            $"ATTENTION: gate has no built-in '{provider}' provider. Write {script}: it is called as 'present|cleanup FQDN VALUE' (the lego/acme.sh " +
            "hook convention) and must add or remove that TXT record; acme.sh's dnsapi scripts or lego's providers can do it." +
            (credentials is null ? "" : $" NPM's certbot credentials for it are in {credentials[7..^1]}."));
        context.Report.Attention(subject, $"DNS provider '{provider}' has no gate equivalent; write the exec hook {script} (see the comment in the manifest)");
    }
}
