using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Core.State;

namespace HomelabGate.Certificates.Storage;

/// <summary>The CA under <c>ca/</c> of the state store: root.pem, root.key, intermediate.pem, intermediate.key.</summary>
public sealed class CaStore(StoredPem pem)
{
    public const string RootCertificateKey = StateKeys.CaFolder + "root.pem";
    private const string RootKeyKey = StateKeys.CaFolder + "root.key";
    private const string IntermediateCertificateKey = StateKeys.CaFolder + "intermediate.pem";
    private const string IntermediateKeyKey = StateKeys.CaFolder + "intermediate.key";

    /// <summary>The state directory's CA (one node).</summary>
    public CaStore(string stateDirectory, PemFileReader reader, AtomicFileWriter writer)
        : this(new StoredPem(new FileStateStorage(stateDirectory), reader))
    {
    }

    public string RootCertificatePath => pem.Storage.Describe(RootCertificateKey);

    private static IEnumerable<string> AllKeys => [RootCertificateKey, RootKeyKey, IntermediateCertificateKey, IntermediateKeyKey];

    /// <summary>True when no CA file exists yet, so creating one cannot overwrite anything.</summary>
    public bool IsEmpty => !AllKeys.Any(Present);

    /// <summary>Both intermediate files exist (after a crash between writing root and intermediate, they may not).</summary>
    public bool HasIntermediate => Present(IntermediateCertificateKey) && Present(IntermediateKeyKey);

    /// <summary>The root certificate exists (it is written first, and is all a device needs to trust the CA).</summary>
    public bool HasRoot => Present(RootCertificateKey);

    public X509Certificate2 LoadRoot() => pem.Certificates(RootCertificateKey)[0];

    public X509Certificate2 LoadIntermediate() => pem.Certificates(IntermediateCertificateKey)[0];

    /// <summary>Loads the CA. A partial or damaged CA is an error, never silently replaced: devices may trust that root.</summary>
    public LocalCertificateAuthority Load()
    {
        var missing = AllKeys.Where(k => !Present(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new CertificateStoreException(
                $"The local CA in '{pem.Storage.Describe(StateKeys.CaFolder.TrimEnd('/'))}' is incomplete: missing {string.Join(", ", missing.Select(k => k[StateKeys.CaFolder.Length..]))}. " +
                "Restore the files from a backup, or move the directory away to create a new CA (devices must then trust the new root).");
        }

        var root = LoadRoot();
        var intermediate = LoadIntermediate();
        var key = pem.Key(IntermediateKeyKey);
        if (!key.Matches(intermediate))
        {
            throw new CertificateStoreException($"'{pem.Storage.Describe(IntermediateKeyKey)}' does not belong to '{pem.Storage.Describe(IntermediateCertificateKey)}'.");
        }

        return new LocalCertificateAuthority(root, intermediate, key);
    }

    /// <summary>The root key, read only when an intermediate must be signed.</summary>
    public PrivateKey LoadRootKey() => pem.Key(RootKeyKey);

    public Task SaveRootAsync(X509Certificate2 root, PrivateKey rootKey, CancellationToken cancellationToken) =>
        pem.WriteAsync(
        [
            StateWrite.Text(RootKeyKey, rootKey.ExportPkcs8Pem(), secret: true),
            StateWrite.Text(RootCertificateKey, root.ExportCertificatePem() + "\n"),
        ], cancellationToken);

    public Task SaveIntermediateAsync(X509Certificate2 intermediate, PrivateKey key, CancellationToken cancellationToken) =>
        pem.WriteAsync(
        [
            StateWrite.Text(IntermediateKeyKey, key.ExportPkcs8Pem(), secret: true),
            StateWrite.Text(IntermediateCertificateKey, intermediate.ExportCertificatePem() + "\n"),
        ], cancellationToken);

    // Presence only: reading a secret's content here would refuse an insecure key before Load can say so.
    private bool Present(string key) => pem.Storage.List(StateKeys.CaFolder).Contains(key);
}
