namespace HomelabGate.Import.Npm.Reading;

/// <summary>The TLS columns every NPM host type shares. <see cref="CertificateId"/> 0 means plain HTTP only.</summary>
public sealed record NpmTls(int CertificateId, bool SslForced, bool Http2, bool HstsEnabled, bool HstsSubdomains)
{
    internal static NpmTls From(NpmRow row) => new(row.Int("certificate_id"), row.Bool("ssl_forced"), row.Bool("http2_support"),
        row.Bool("hsts_enabled"), row.Bool("hsts_subdomains"));
}
