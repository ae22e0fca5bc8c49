using System.Text.Json;
using System.Text.Json.Serialization;
using HomelabGate.Core.State;

namespace HomelabGate.Certificates.Storage;

/// <summary>
/// Issued and imported certificates under <c>certificates/&lt;name&gt;/</c> of the state store:
/// cert.pem (the leaf), chain.pem (intermediates, leaf's issuer first), key.pem (secret: 0600, encrypted in a shared
/// store) and meta.json.
/// </summary>
public sealed class CertificateStore(StoredPem pem)
{
    /// <summary>The state directory's store (one node).</summary>
    public CertificateStore(string stateDirectory, PemFileReader reader, AtomicFileWriter writer)
        : this(new StoredPem(new FileStateStorage(stateDirectory), reader))
    {
    }

    public static string KeyOf(string name, string file)
    {
        // Names become directory names; anything that could climb out of the store is refused.
        if (name.Length == 0 || name.StartsWith('.') || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a valid certificate name: use letters, digits, dots and hyphens, not starting with a dot.", nameof(name));
        }
        return $"{StateKeys.CertificatesFolder}{name}/{file}";
    }

    /// <summary>Where the certificates live, for messages: a folder, or etcd's key prefix.</summary>
    public string Location => pem.Storage.Describe(StateKeys.CertificatesFolder.TrimEnd('/'));

    public IReadOnlyList<string> ListNames() =>
        pem.Storage.List(StateKeys.CertificatesFolder).Select(k => k.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Reads a certificate. Damaged files come back as <see cref="StoredCertificateRead.Unreadable"/> (nothing is
    /// changed); a key file others may read throws <see cref="InsecureKeyFileException"/>.
    /// </summary>
    public StoredCertificateRead Read(string name)
    {
        string cert = KeyOf(name, "cert.pem"), chain = KeyOf(name, "chain.pem"), key = KeyOf(name, "key.pem");
        try
        {
            if (!pem.Exists(cert) && pem.Text(key, secret: true) is null)
            {
                return StoredCertificateRead.Missing;
            }
            var leaf = pem.Certificates(cert)[0];
            // A leaf-only certificate (self-signed, or imported without a chain) is stored with an empty chain.pem.
            var intermediates = !string.IsNullOrWhiteSpace(pem.Text(chain)) ? pem.Certificates(chain) : [];
            var privateKey = pem.Key(key);
            return StoredCertificateRead.Found(new StoredCertificate(name, leaf, intermediates, privateKey, ReadMetadata(name)));
        }
        catch (CertificateStoreException e)
        {
            return StoredCertificateRead.Unreadable(e.Message);
        }
    }

    /// <summary>Writes all four files atomically; on failure the previous files stay as they were.</summary>
    public Task SaveAsync(StoredCertificate certificate, CancellationToken cancellationToken) => pem.WriteAsync(Writes(certificate), cancellationToken);

    /// <summary>The four files of a stored certificate, key first, for a caller that writes them along with others.</summary>
    public IReadOnlyList<PendingFile> FilesOf(StoredCertificate certificate) =>
        [.. Writes(certificate).Select(w => new PendingFile(pem.Storage.Describe(w.Key), System.Text.Encoding.UTF8.GetString(w.Content!), w.Secret))];

    private static IReadOnlyList<StateWrite> Writes(StoredCertificate certificate)
    {
        var chainPem = string.Concat(certificate.Chain.Select(c => c.ExportCertificatePem() + "\n"));
        var metadata = certificate.Metadata ?? throw new ArgumentException("metadata is required to save a certificate", nameof(certificate));
        var name = certificate.Name;
        return
        [
            StateWrite.Text(KeyOf(name, "key.pem"), certificate.Key.ExportPkcs8Pem(), secret: true),
            StateWrite.Text(KeyOf(name, "cert.pem"), certificate.Leaf.ExportCertificatePem() + "\n"),
            StateWrite.Text(KeyOf(name, "chain.pem"), chainPem),
            StateWrite.Text(KeyOf(name, "meta.json"), JsonSerializer.Serialize(metadata, CertificateJson.Default.CertificateMetadata) + "\n"),
        ];
    }

    private CertificateMetadata? ReadMetadata(string name)
    {
        var key = KeyOf(name, "meta.json");
        try
        {
            return pem.Text(key) is { } text ? JsonSerializer.Deserialize(text, CertificateJson.Default.CertificateMetadata) : null;
        }
        catch (JsonException e)
        {
            throw new CertificateStoreException($"'{pem.Storage.Describe(key)}' is not valid certificate metadata: {e.Message}", e);
        }
    }
}
