using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Keys;

/// <summary>
/// "Was this certificate signed by that one?" .NET only answers this through X509Chain, which also judges
/// time, trust and revocation; the renewal policy and the importer need the bare signature check.
/// </summary>
public static class CertificateSignature
{
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
        {
            return false;
        }

        try
        {
            var outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue().ToArray();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);
            return Verify(algorithm, tbs, signature, issuer);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    private static bool Verify(string algorithmOid, byte[] data, byte[] signature, X509Certificate2 issuer)
    {
        switch (algorithmOid)
        {
            case "1.2.840.10045.4.3.2":
            case "1.2.840.10045.4.3.3":
            case "1.2.840.10045.4.3.4":
                using (var ec = issuer.GetECDsaPublicKey())
                {
                    return ec is not null && ec.VerifyData(data, signature, EcdsaHash(algorithmOid), DSASignatureFormat.Rfc3279DerSequence);
                }
            case "1.2.840.113549.1.1.11":
            case "1.2.840.113549.1.1.12":
            case "1.2.840.113549.1.1.13":
                using (var rsa = issuer.GetRSAPublicKey())
                {
                    return rsa is not null && rsa.VerifyData(data, signature, RsaHash(algorithmOid), RSASignaturePadding.Pkcs1);
                }
            default:
                return false; // RSA-PSS, Ed25519, SHA-1: not something we issue or accept.
        }
    }

    private static HashAlgorithmName EcdsaHash(string oid) => oid[^1] switch
    {
        '2' => HashAlgorithmName.SHA256,
        '3' => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    private static HashAlgorithmName RsaHash(string oid) => oid[^2..] switch
    {
        "11" => HashAlgorithmName.SHA256,
        "12" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };
}
