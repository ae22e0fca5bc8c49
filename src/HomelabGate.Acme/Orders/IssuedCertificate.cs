namespace HomelabGate.Acme.Orders;

/// <summary>The result of an order: leaf and chain as PEM, the new private key as PKCS#8 PEM (the caller stores it 0600).
/// <see cref="ToString"/> leaves the private key out so the record is safe to log.</summary>
public sealed record IssuedCertificate(
    string CertificatePem,
    string ChainPem,
    string PrivateKeyPem,
    IReadOnlyList<string> Domains,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string IssuerName,
    Uri OrderUrl,
    Uri CertificateUrl)
{
    public string FullChainPem => CertificatePem + ChainPem;

    public override string ToString() =>
        $"IssuedCertificate({string.Join(", ", Domains)}; {NotBefore:u} to {NotAfter:u}; issuer {IssuerName}; {CertificateUrl})";
}
