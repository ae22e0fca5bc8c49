using HomelabGate.Core.Desired;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>
/// Signs TLS server certificates with the intermediate. It does not check name constraints, on purpose:
/// <see cref="Issuing.LocalCaIssuer"/> refuses such names before calling it, and tests use it to forge a certificate
/// that clients must reject.
/// </summary>
public sealed class LeafCertificateFactory
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    public X509Certificate2 Create(
        X509Certificate2 issuer, PrivateKey issuerKey, PrivateKey leafKey, SubjectNames names, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        if (names.IsEmpty)
        {
            throw new ArgumentException("a certificate needs at least one DNS name or IP address", nameof(names));
        }

        // The CN is ignored by browsers but still shown by many tools; the first name is the most readable.
        var subject = new X500DistinguishedName($"CN={names.All.First()}");
        var request = leafKey.CreateRequest(subject);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        // RSA keys in TLS 1.2 RSA key exchange also need keyEncipherment; ECDSA keys only sign.
        var usage = leafKey.Algorithm == KeyType.EcdsaP256
            ? X509KeyUsageFlags.DigitalSignature
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        request.CertificateExtensions.Add(BuildSan(names));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        return request.Create(issuer.SubjectName, issuerKey.CreateSignatureGenerator(), notBefore, notAfter, SerialNumbers.NewRandom());
    }

    private static X509Extension BuildSan(SubjectNames names)
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var dns in names.DnsNames)
        {
            builder.AddDnsName(dns);
        }

        foreach (var ip in names.IpAddresses)
        {
            builder.AddIpAddress(ip);
        }

        return builder.Build();
    }
}
