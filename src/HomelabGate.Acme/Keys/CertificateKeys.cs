using HomelabGate.Core.Desired;
using System.Security.Cryptography;

namespace HomelabGate.Acme.Keys;

/// <summary>Creates and imports the supported key types, for account keys and certificate keys alike.</summary>
internal static class CertificateKeys
{
    public static AsymmetricAlgorithm Create(KeyType algorithm) => algorithm switch
    {
        KeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        KeyType.Rsa2048 => RSA.Create(2048),
        KeyType.Rsa3072 => RSA.Create(3072),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown key algorithm"),
    };

    /// <summary>Accepts PKCS#8, SEC1 and PKCS#1 PEM. Errors never echo the PEM: it is a secret.</summary>
    public static AsymmetricAlgorithm ImportPem(string pem)
    {
        // PKCS#8 does not name the algorithm in its label, so try EC (the default) first, then RSA.
        if (TryImport(ECDsa.Create(), pem) is { } ec)
        {
            if (ec.ExportParameters(false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                return ec;
            }
            ec.Dispose();
            throw new CryptographicException("only the P-256 curve is supported for ECDSA keys");
        }
        var rsa = TryImport(RSA.Create(), pem)
            ?? throw new CryptographicException("the key PEM is neither an ECDSA P-256 nor an RSA private key");
        if (rsa.KeySize < 2048)
        {
            var bits = rsa.KeySize;
            rsa.Dispose();
            throw new CryptographicException($"RSA keys must have at least 2048 bits (this one has {bits})");
        }
        return rsa;
    }

    private static T? TryImport<T>(T key, string pem) where T : AsymmetricAlgorithm
    {
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }
}
