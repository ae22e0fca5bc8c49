using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Certificates.Storage;

/// <summary>
/// Issued and imported certificates under <c>stateDir/certificates/&lt;name&gt;/</c>:
/// cert.pem (the leaf), chain.pem (intermediates, leaf's issuer first), key.pem (0600) and meta.json.
/// </summary>
public sealed class CertificateStore(string stateDirectory, PemFileReader reader, AtomicFileWriter writer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _root = Path.Combine(stateDirectory, "certificates");

    public string DirectoryOf(string name)
    {
        // Names become directory names; anything that could climb out of the store is refused.
        if (name.Length == 0 || name.StartsWith('.') || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid certificate name: use letters, digits, dots and hyphens, not starting with a dot.", nameof(name));
        }

        return Path.Combine(_root, name);
    }

    public IReadOnlyList<string> ListNames() =>
        Directory.Exists(_root)
            ? Directory.GetDirectories(_root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>
    /// Reads a certificate. Damaged files come back as <see cref="StoredCertificateRead.Unreadable"/> (nothing is
    /// changed on disk); a key file others may read throws <see cref="InsecureKeyFileException"/>.
    /// </summary>
    public StoredCertificateRead Read(string name)
    {
        var directory = DirectoryOf(name);
        string cert = Path.Combine(directory, "cert.pem"), chain = Path.Combine(directory, "chain.pem"), key = Path.Combine(directory, "key.pem");
        if (!File.Exists(cert) && !File.Exists(key))
        {
            return StoredCertificateRead.Missing;
        }

        try
        {
            var leaf = reader.ReadCertificates(cert)[0];
            // A leaf-only certificate (self-signed, or imported without a chain) is stored with an empty chain.pem.
            var intermediates = File.Exists(chain) && !string.IsNullOrWhiteSpace(File.ReadAllText(chain)) ? reader.ReadCertificates(chain) : [];
            var privateKey = reader.ReadPrivateKey(key);
            return StoredCertificateRead.Found(new StoredCertificate(name, leaf, intermediates, privateKey, ReadMetadata(directory)));
        }
        catch (CertificateStoreException e)
        {
            return StoredCertificateRead.Unreadable(e.Message);
        }
    }

    /// <summary>Writes all four files atomically; on failure the previous files stay as they were.</summary>
    public Task SaveAsync(StoredCertificate certificate, CancellationToken cancellationToken) =>
        writer.WriteAllAsync(FilesOf(certificate), cancellationToken);

    /// <summary>The four files of a stored certificate, key first, for a caller that writes them along with others.</summary>
    public IReadOnlyList<PendingFile> FilesOf(StoredCertificate certificate)
    {
        var directory = DirectoryOf(certificate.Name);
        var chainPem = string.Concat(certificate.Chain.Select(c => c.ExportCertificatePem() + "\n"));
        var metadata = certificate.Metadata ?? throw new ArgumentException("metadata is required to save a certificate", nameof(certificate));
        return
        [
            new PendingFile(Path.Combine(directory, "key.pem"), certificate.Key.ExportPkcs8Pem(), Secret: true),
            new PendingFile(Path.Combine(directory, "cert.pem"), certificate.Leaf.ExportCertificatePem() + "\n", Secret: false),
            new PendingFile(Path.Combine(directory, "chain.pem"), chainPem, Secret: false),
            new PendingFile(Path.Combine(directory, "meta.json"), JsonSerializer.Serialize(metadata, Json) + "\n", Secret: false),
        ];
    }

    private static CertificateMetadata? ReadMetadata(string directory)
    {
        var path = Path.Combine(directory, "meta.json");
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<CertificateMetadata>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException e)
        {
            throw new CertificateStoreException($"'{path}' is not valid certificate metadata: {e.Message}", e);
        }
    }
}
