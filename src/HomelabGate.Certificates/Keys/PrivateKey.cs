using HomelabGate.Core.Desired;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Keys;

/// <summary>
/// A private key that never shows its material: <see cref="ToString"/> names only the algorithm, and parse
/// errors never quote the input. The PEM text leaves this type only through <see cref="ExportPkcs8Pem"/>.
/// </summary>
public sealed class PrivateKey : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private PrivateKey(AsymmetricAlgorithm key, KeyType algorithm)
    {
        _key = key;
        Algorithm = algorithm;
    }

    public KeyType Algorithm { get; }

    public static PrivateKey Generate(KeyType algorithm) => algorithm switch
    {
        KeyType.EcdsaP256 => new PrivateKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), algorithm),
        KeyType.Rsa2048 => new PrivateKey(RSA.Create(2048), algorithm),
        KeyType.Rsa3072 => new PrivateKey(RSA.Create(3072), algorithm),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown key algorithm"),
    };

    /// <summary>Parses a PKCS#8, SEC1 or PKCS#1 PEM key. Throws <see cref="FormatException"/> without quoting the text.</summary>
    public static PrivateKey FromPem(string pem)
    {
        if (pem.Contains("-----BEGIN EC PRIVATE KEY-----") || pem.Contains("-----BEGIN PRIVATE KEY-----"))
        {
            var ec = ECDsa.Create();
            try
            {
                ec.ImportFromPem(pem);
                return new PrivateKey(ec, KeyType.EcdsaP256);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                ec.Dispose();
            }
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new PrivateKey(rsa, rsa.KeySize >= 3072 ? KeyType.Rsa3072 : KeyType.Rsa2048);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            // The inner exception is dropped on purpose: some parsers echo the offending bytes.
            throw new FormatException("not a PEM-encoded ECDSA or RSA private key");
        }
    }

    public string ExportPkcs8Pem() => _key.ExportPkcs8PrivateKeyPem();

    public byte[] ExportSubjectPublicKeyInfo() => _key.ExportSubjectPublicKeyInfo();

    /// <summary>True when the certificate carries this key's public half.</summary>
    public bool Matches(X509Certificate2 certificate) =>
        certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(ExportSubjectPublicKeyInfo());

    /// <summary>A request for a certificate carrying this key's public half, hashed with SHA-256.</summary>
    public CertificateRequest CreateRequest(X500DistinguishedName subject) => _key switch
    {
        ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("unsupported key type"),
    };

    /// <summary>Signs certificates as an issuer with this key.</summary>
    public X509SignatureGenerator CreateSignatureGenerator() => _key switch
    {
        ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("unsupported key type"),
    };

    /// <summary>A copy of <paramref name="certificate"/> with this key attached, as a TLS server needs it.</summary>
    public X509Certificate2 AttachTo(X509Certificate2 certificate) => _key switch
    {
        ECDsa ec => certificate.CopyWithPrivateKey(ec),
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        _ => throw new InvalidOperationException("unsupported key type"),
    };

    public override string ToString() => $"{Algorithm} private key (redacted)";

    public void Dispose() => _key.Dispose();
}
