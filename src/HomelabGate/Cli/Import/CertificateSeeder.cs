using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Storage;
using HomelabGate.Import.Output;

namespace HomelabGate.Cli.Import;

/// <summary>The state-directory files for the ACME certificates NPM already has, in gate's certificate store layout, so
/// the first apply finds them valid and orders nothing. A certificate already in the store is left alone unless forced.</summary>
public sealed class CertificateSeeder(TimeProvider time)
{
    public (IReadOnlyList<PendingFile> Files, IReadOnlyList<string> Kept) FilesFor(IReadOnlyList<CertificateSeed> seeds, string stateDirectory, bool force)
    {
        var store = new CertificateStore(stateDirectory, new PemFileReader(), new AtomicFileWriter());
        var files = new List<PendingFile>();
        var kept = new List<string>();
        foreach (var seed in seeds)
        {
            if (!force && !store.Read(seed.Name).IsMissing)
            {
                kept.Add(seed.Name);
                continue;
            }
            var chain = new X509Certificate2Collection();
            chain.ImportFromPem(seed.ChainPem);
            var key = PrivateKey.FromPem(seed.KeyPem.Value);
            var leaf = chain[0];
            var metadata = new CertificateMetadata(seed.Name, SubjectNames.Of(leaf).All.ToArray(), key.Algorithm, CertificateSource.Acme, time.GetUtcNow());
            files.AddRange(store.FilesOf(new StoredCertificate(seed.Name, leaf, [.. chain.Skip(1)], key, metadata)));
        }
        return (files, kept);
    }
}
