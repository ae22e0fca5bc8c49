using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Import.Npm.Reading;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>Checks a certificate chain and key before they are imported: both parse, and the key belongs to the leaf.
/// Names come from the certificate itself (NPM stores only the CN of a custom certificate).</summary>
internal static class PemInspector
{
    public static (PemCertificate? Certificate, string? Problem) Inspect(PemFiles files)
    {
        try
        {
            var chain = new X509Certificate2Collection();
            chain.ImportFromPem(files.ChainPem);
            if (chain.Count == 0)
            {
                return (null, $"the certificate file in {files.Source} holds no certificate");
            }
            var leaf = chain[0];
            using var paired = X509Certificate2.CreateFromPem(leaf.ExportCertificatePem(), files.KeyPem.Value);
            return (new PemCertificate(Names(leaf), new DateTimeOffset(leaf.NotAfter.ToUniversalTime()), KeyType(leaf)), null);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return (null, $"the certificate and key in {files.Source} cannot be used together ({e.Message.TrimEnd('.')})");
        }
    }

    private static List<string> Names(X509Certificate2 leaf)
    {
        var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(san => san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString()))).ToList();
        var commonName = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return names.Count > 0 || string.IsNullOrEmpty(commonName) ? names : [commonName];
    }

    private static string? KeyType(X509Certificate2 leaf)
    {
        using var ecdsa = leaf.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            return ecdsa.KeySize == 256 ? "ecdsa-p256" : null;
        }
        using var rsa = leaf.GetRSAPublicKey();
        return rsa?.KeySize switch
        {
            2048 => "rsa-2048",
            3072 => "rsa-3072",
            _ => null,
        };
    }
}
