using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;

namespace HomelabGate.Certificates.Storage;

/// <summary>The CA files under <c>stateDir/ca/</c>: root.pem, root.key, intermediate.pem, intermediate.key.</summary>
public sealed class CaStore(string stateDirectory, PemFileReader reader, AtomicFileWriter writer)
{
    private readonly string _directory = Path.Combine(stateDirectory, "ca");

    public string RootCertificatePath => Path.Combine(_directory, "root.pem");
    public string RootKeyPath => Path.Combine(_directory, "root.key");
    public string IntermediateCertificatePath => Path.Combine(_directory, "intermediate.pem");
    public string IntermediateKeyPath => Path.Combine(_directory, "intermediate.key");

    private IEnumerable<string> AllPaths => [RootCertificatePath, RootKeyPath, IntermediateCertificatePath, IntermediateKeyPath];

    /// <summary>True when no CA file exists yet, so creating one cannot overwrite anything.</summary>
    public bool IsEmpty => !AllPaths.Any(File.Exists);

    /// <summary>Both intermediate files exist (after a crash between writing root and intermediate, they may not).</summary>
    public bool HasIntermediate => File.Exists(IntermediateCertificatePath) && File.Exists(IntermediateKeyPath);

    /// <summary>Loads the CA. A partial or damaged CA is an error, never silently replaced: devices may trust that root.</summary>
    public LocalCertificateAuthority Load()
    {
        var missing = AllPaths.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new CertificateStoreException(
                $"The local CA in '{_directory}' is incomplete: missing {string.Join(", ", missing.Select(Path.GetFileName))}. " +
                "Restore the files from a backup, or move the directory away to create a new CA (devices must then trust the new root).");
        }

        var root = reader.ReadCertificates(RootCertificatePath)[0];
        var intermediate = reader.ReadCertificates(IntermediateCertificatePath)[0];
        var key = reader.ReadPrivateKey(IntermediateKeyPath);
        if (!key.Matches(intermediate))
        {
            throw new CertificateStoreException($"'{IntermediateKeyPath}' does not belong to '{IntermediateCertificatePath}'.");
        }

        return new LocalCertificateAuthority(root, intermediate, key);
    }

    /// <summary>The root key, read only when an intermediate must be signed.</summary>
    public PrivateKey LoadRootKey() => reader.ReadPrivateKey(RootKeyPath);

    public Task SaveRootAsync(X509Certificate2 root, PrivateKey rootKey, CancellationToken cancellationToken) =>
        writer.WriteAllAsync(
        [
            new PendingFile(RootKeyPath, rootKey.ExportPkcs8Pem(), Secret: true),
            new PendingFile(RootCertificatePath, root.ExportCertificatePem() + "\n", Secret: false),
        ], cancellationToken);

    public Task SaveIntermediateAsync(X509Certificate2 intermediate, PrivateKey key, CancellationToken cancellationToken) =>
        writer.WriteAllAsync(
        [
            new PendingFile(IntermediateKeyPath, key.ExportPkcs8Pem(), Secret: true),
            new PendingFile(IntermediateCertificatePath, intermediate.ExportCertificatePem() + "\n", Secret: false),
        ], cancellationToken);
}
