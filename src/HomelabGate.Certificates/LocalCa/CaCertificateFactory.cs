using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>Builds the root and intermediate CA certificates.</summary>
public sealed class CaCertificateFactory
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    public X509Certificate2 CreateRoot(PrivateKey rootKey, DateTimeOffset now, TimeSpan lifetime)
    {
        var serial = SerialNumbers.NewRandom();
        // The serial's prefix makes the name unique per installation, so trust stores and
        // device profile lists can tell two homelabs' roots apart.
        var subject = new X500DistinguishedName($"CN=HomelabGate Root CA {Convert.ToHexStringLower(serial.AsSpan(0, 4))}, O=HomelabGate");
        var request = rootKey.CreateRequest(subject);
        // Path length 1: the root may sign intermediates, which may sign only leaves.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.Create(subject, rootKey.CreateSignatureGenerator(), now.AddMinutes(-5), now + lifetime, serial);
    }

    public X509Certificate2 CreateIntermediate(
        X509Certificate2 root, PrivateKey rootKey, PrivateKey intermediateKey, NameConstraints? constraints, DateTimeOffset now, TimeSpan lifetime)
    {
        var serial = SerialNumbers.NewRandom();
        var subject = new X500DistinguishedName($"CN=HomelabGate Intermediate CA {Convert.ToHexStringLower(serial.AsSpan(0, 4))}, O=HomelabGate");
        var request = intermediateKey.CreateRequest(subject);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        // Restricting the intermediate to TLS servers means its key cannot sign code or mail certificates either.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        if (constraints is not null)
        {
            request.CertificateExtensions.Add(NameConstraintsExtension.Create(constraints));
        }

        var notAfter = Min(now + lifetime, root.NotAfter);
        return request.Create(root.SubjectName, rootKey.CreateSignatureGenerator(), now.AddMinutes(-5), notAfter, serial);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a < new DateTimeOffset(b.ToUniversalTime()) ? a : new DateTimeOffset(b.ToUniversalTime());
}
