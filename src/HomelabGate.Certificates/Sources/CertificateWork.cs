using HomelabGate.Certificates.Issuing;
using HomelabGate.Core.Desired;

namespace HomelabGate.Certificates.Sources;

/// <summary>One desired certificate with the issuer it names (null: the local CA with default settings).</summary>
public sealed record CertificateWork(Certificate Certificate, CertificateIssuer? Issuer)
{
    public string Name => Certificate.Name;

    public CertificateOrigin Origin => Certificate.Files is not null ? CertificateOrigin.Files : Issuer?.Type switch
    {
        null or IssuerType.LocalCa => CertificateOrigin.LocalCa,
        IssuerType.Acme => CertificateOrigin.Acme,
        _ => throw new ArgumentOutOfRangeException(nameof(Issuer), Issuer.Type, "unknown issuer type"),
    };

    /// <summary>What the renewal rules compare the stored certificate with.</summary>
    public LeafCertificateRequest Request => new(Certificate.Name, Certificate.Domains)
    {
        KeyAlgorithm = Certificate.KeyType,
        Lifetime = Certificate.Lifetime ?? Issuer?.LeafLifetime ?? LeafCertificateRequest.DefaultLifetime,
    };

    public static CertificateWork For(Certificate certificate, DesiredState desired) =>
        new(certificate, certificate.Issuer is { } issuer ? desired.Find<CertificateIssuer>(issuer) : null);
}
