using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Cli.Certificates;

/// <summary>Reads a certificate store (a state directory's, or etcd's in a cluster) for display. Read-only: a damaged
/// entry is reported, never repaired or removed.</summary>
public sealed class CertificateCatalog(CertificateInfoReader inspector, TimeProvider time)
{
    public static IReadOnlyList<string> Names(CertificateStore store) => store.ListNames();

    public IReadOnlyList<CertificateEntry> ReadAll(CertificateStore store) =>
        Names(store).Select(name => Read(store, name)).ToArray();

    public CertificateEntry Read(CertificateStore store, string name)
    {
        StoredCertificateRead read;
        try
        {
            read = store.Read(name);
        }
        catch (InsecureKeyFileException e)
        {
            return new CertificateEntry(name, null, e.Message);
        }
        if (read.Certificate is not { } stored)
        {
            return new CertificateEntry(name, null, read.Problem ?? "cert.pem and key.pem are missing");
        }
        var info = inspector.Read(name, stored.Leaf);
        var now = time.GetUtcNow();
        var notYetValid = info.NotBefore > now + global::HomelabGate.Certificates.Renewal.Rules.NotYetValidRule.Slack;
        var summary = new CertificateSummary(info, KeyType(stored.Leaf), Source(stored.Metadata), notYetValid || info.RenewalDue <= now, notYetValid);
        return new CertificateEntry(name, summary, null);
    }

    /// <summary>The key type from the certificate's public key, so it is right even for imported certificates.</summary>
    public static string KeyType(X509Certificate2 certificate)
    {
        using var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            return $"ECDSA P-{ecdsa.KeySize}";
        }
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null ? $"RSA {rsa.KeySize}" : new Oid(certificate.PublicKey.Oid).FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown";
    }

    /// <summary>"local CA", "imported", or the source's own name in lower case for sources added later (ACME).</summary>
    public static string Source(CertificateMetadata? metadata) => metadata?.Source switch
    {
        null => "unknown (no meta.json)",
        CertificateSource.LocalCa => "local CA",
        CertificateSource.Custom => "imported",
        var other => other.Value.ToString().ToLowerInvariant(),
    };

}
