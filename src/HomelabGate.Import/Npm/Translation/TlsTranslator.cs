using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>A host's certificate, forced HTTPS and HSTS. NPM's HSTS header is "max-age=63072000; preload" (two years),
/// plus includeSubDomains when asked.</summary>
internal sealed class TlsTranslator(ImportContext context)
{
    public void Apply(YamlMap host, NpmTls tls, string subject)
    {
        if (tls.CertificateId == 0)
        {
            return;
        }
        if (!context.CertificateNames.TryGetValue(tls.CertificateId, out var certificate))
        {
            context.Report.Attention(subject, $"its certificate (NPM certificate {tls.CertificateId}) could not be imported; the host is imported without HTTPS");
            host.Entries.FirstOrDefault()?.Comment($"ATTENTION: NPM served this host with certificate {tls.CertificateId}, which could not be imported (see the report).");
            return;
        }
        host.Add("certificate", certificate);
        if (tls.SslForced)
        {
            host.Add("forceHttps", true);
        }
        if (tls.HstsEnabled)
        {
            var hsts = host.Map("hsts");
            hsts.Add("maxAge", "730d");
            if (tls.HstsSubdomains)
            {
                hsts.Add("includeSubDomains", true);
            }
            hsts.Add("preload", true);
        }
    }
}
