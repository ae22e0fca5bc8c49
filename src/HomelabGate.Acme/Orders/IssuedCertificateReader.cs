using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Orders;

/// <summary>Splits a downloaded chain into leaf and intermediates and checks the leaf really carries our key.</summary>
internal static class IssuedCertificateReader
{
    public static IssuedCertificate Read(AcmeCertificateDownload download, AsymmetricAlgorithm key, AcmeOrder order, IReadOnlyList<string> domains)
    {
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(download.Pem);
        }
        catch (CryptographicException e)
        {
            throw new AcmeException($"the certificate chain from {download.Url} could not be parsed: {e.Message}", innerException: e);
        }
        if (chain.Count == 0)
        {
            throw new AcmeException($"the certificate chain from {download.Url} holds no certificates");
        }
        var leaf = chain[0];
        if (!leaf.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            throw new AcmeException($"the certificate from {download.Url} is not for the key in our signing request; refusing it");
        }
        return new IssuedCertificate(
            leaf.ExportCertificatePem() + "\n",
            string.Concat(chain.Skip(1).Select(c => c.ExportCertificatePem() + "\n")),
            key.ExportPkcs8PrivateKeyPem() + "\n",
            domains,
            new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            chain[^1].GetNameInfo(X509NameType.SimpleName, forIssuer: true),
            order.Url,
            download.Url);
    }
}
