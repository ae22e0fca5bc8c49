using System.Globalization;
using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Output;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>NPM certificates as manifest certificates. Custom ones and HTTP-01 Let's Encrypt ones are copied (key 0600)
/// and imported with <c>files:</c>; DNS-01 Let's Encrypt ones get an ACME issuer, and the certificate NPM already has is
/// seeded into gate's store so nothing is ordered on day one.</summary>
internal sealed class CertificateTranslator(ImportContext context, NpmCertificateFiles files, DnsChallengeTranslator dns, TimeProvider time)
{
    public void Translate(NpmCertificate row)
    {
        var subject = Subject.Of("certificate", row.Id, row.NiceName);
        if (row.State == NpmRowState.Deleted)
        {
            context.Report.Note(subject, "deleted in NPM; not imported");
            return;
        }
        if (!row.IsLetsEncrypt && row.Provider != "other")
        {
            context.Report.Attention(subject, $"unknown provider '{row.Provider}'; not imported");
            return;
        }
        var domain = row.Domains.FirstOrDefault(d => !d.StartsWith('*')) ?? row.Domains.FirstOrDefault();
        var name = row.IsLetsEncrypt
            ? context.Names.Allocate("certificates", domain, $"certificate-{row.Id}")
            : context.Names.Allocate("certificates", row.NiceName, domain, $"certificate-{row.Id}");
        var (found, problem) = row.IsLetsEncrypt ? files.LetsEncrypt(row) : files.Custom(row);
        var (pem, invalid) = found is null ? (null, problem) : PemInspector.Inspect(found);
        if (row.IsLetsEncrypt && row.DnsChallenge)
        {
            Acme(row, name, subject, found, pem, invalid);
            return;
        }
        if (found is null || pem is null)
        {
            context.Report.Attention(subject, $"not imported: {invalid}; hosts that used it are imported without HTTPS");
            return;
        }
        var certificate = Copied(name, found, pem);
        var entry = context.Certificates.Add(name, certificate);
        entry.Comment(row.IsLetsEncrypt
            ? $"NPM Let's Encrypt certificate {row.Id} ({string.Join(", ", pem.Names)}), valid until {Day(pem.NotAfter)}, issued over HTTP-01."
            : $"NPM custom certificate \"{row.NiceName}\" (id {row.Id}): {string.Join(", ", pem.Names)}, valid until {Day(pem.NotAfter)}.");
        if (row.IsLetsEncrypt)
        {
            entry.Comment("ATTENTION: gate orders certificates over DNS-01 only: it needs no open port 80, so it works behind CGNAT and for wildcards.")
                .Comment("This copy serves until it expires; to renew automatically, add an acme issuer with dns01 and replace files: with issuer: and domains:.");
            context.Report.Attention(subject, $"was issued over HTTP-01, which gate does not do; the current files are imported (valid until {Day(pem.NotAfter)}); switch to a DNS-01 issuer before then");
        }
        Expiry(subject, pem);
        context.CertificateNames[row.Id] = name;
    }

    private void Acme(NpmCertificate row, string name, string subject, PemFiles? found, PemCertificate? pem, string? invalid)
    {
        var certificate = new YamlMap();
        certificate.Add("issuer", dns.IssuerFor(row, subject));
        certificate.Add("domains", YamlSequence.Of(row.Domains));
        certificate.Add("keyType", pem?.KeyType ?? (row.KeyType == "rsa" ? "rsa-2048" : "ecdsa-p256"));
        var entry = context.Certificates.Add(name, certificate);
        entry.Comment($"NPM Let's Encrypt certificate {row.Id} ({string.Join(", ", row.Domains)}).");
        context.CertificateNames[row.Id] = name;
        if (pem is { KeyType: null })
        {
            entry.Comment("ATTENTION: NPM's certificate has a key type gate does not issue (it issues ECDSA P-256, RSA 2048 or 3072); gate orders a new one on first apply.");
            context.Report.Attention(subject, "its key type is one gate does not issue; gate orders a new certificate on first apply");
            return;
        }
        if (found is not null && pem is not null && pem.NotAfter > time.GetUtcNow())
        {
            context.Seeds.Add(new CertificateSeed(name, row.Domains, found.ChainPem, found.KeyPem));
            entry.Comment($"The certificate NPM has (valid until {Day(pem.NotAfter)}) goes into gate's state directory: it is renewed when due, not ordered again now.");
            return;
        }
        var why = invalid ?? $"the certificate NPM has expired on {Day(pem!.NotAfter)}";
        entry.Comment($"ATTENTION: the certificate NPM has could not be used ({why}); gate orders a new one on first apply.");
        context.Report.Attention(subject, $"{why}; gate orders a new certificate on first apply");
    }

    private YamlMap Copied(string name, PemFiles found, PemCertificate pem)
    {
        var folder = Path.Combine("certificates", name);
        context.AddFile(Path.Combine(folder, "fullchain.pem"), found.ChainPem, secret: false);
        context.AddFile(Path.Combine(folder, "privkey.pem"), found.KeyPem.Value, secret: true);
        var certificate = new YamlMap();
        var paths = certificate.Map("files");
        paths.Add("cert", context.SecretPath(Path.Combine(folder, "fullchain.pem")));
        paths.Add("key", context.SecretPath(Path.Combine(folder, "privkey.pem")));
        return certificate;
    }

    private void Expiry(string subject, PemCertificate pem)
    {
        if (pem.NotAfter <= time.GetUtcNow())
        {
            context.Report.Attention(subject, $"expired on {Day(pem.NotAfter)}; gate refuses to serve it: replace the files");
        }
    }

    private static string Day(DateTimeOffset when) => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
