using HomelabGate.Core.Desired;
using System.Security.Cryptography;

namespace HomelabGate.Acme.Keys;

/// <summary>The private key that identifies an ACME account. The caller persists it (<see cref="ExportPem"/>);
/// <see cref="ToString"/> never reveals key material so it is safe in logs and exception messages.</summary>
public sealed class AccountKey : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private AccountKey(AsymmetricAlgorithm key)
    {
        _key = key;
        Jwk = key switch
        {
            ECDsa ec => Jwk.FromEcPoint(ec.ExportParameters(false).Q),
            RSA rsa => FromRsaParameters(rsa.ExportParameters(false)),
            _ => throw new NotSupportedException("only ECDSA P-256 and RSA account keys are supported"),
        };
    }

    public Jwk Jwk { get; }

    /// <summary>JWS "alg": ES256 for P-256, RS256 for RSA.</summary>
    public string JwsAlgorithm => _key is ECDsa ? "ES256" : "RS256";

    public static AccountKey Create(KeyType algorithm = KeyType.EcdsaP256) => new(CertificateKeys.Create(algorithm));

    /// <summary>Imports a PKCS#8 ("PRIVATE KEY"), SEC1 ("EC PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY") PEM.</summary>
    public static AccountKey ImportPem(string pem) => new(CertificateKeys.ImportPem(pem));

    public string ExportPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>Signs with the JWS algorithm; ES256 signatures are the fixed-size r||s form JWS requires.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _key switch
    {
        ECDsa ec => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        RSA rsa => rsa.SignData(data.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new NotSupportedException(),
    };

    public override string ToString() => $"AccountKey({JwsAlgorithm}, thumbprint {Jwk.Thumbprint()})";

    public void Dispose() => _key.Dispose();

    private static Jwk FromRsaParameters(RSAParameters p) => Jwk.FromRsa(p.Modulus, p.Exponent);
}
