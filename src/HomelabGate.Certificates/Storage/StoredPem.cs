using System.Security.Cryptography.X509Certificates;
using System.Text;
using HomelabGate.Certificates.Keys;
using HomelabGate.Core.State;

namespace HomelabGate.Certificates.Storage;

/// <summary>PEM certificates and keys in the state store, with the errors the file-based stores always gave: they name
/// the file (or the store's key) and the fix. A lost leadership passes through unchanged: it is no storage problem.</summary>
public sealed class StoredPem(IStateStorage storage, PemFileReader reader)
{
    public IStateStorage Storage { get; } = storage;

    public bool Exists(string key) => Text(key) is not null;

    public string? Text(string key, bool secret = false)
    {
        try
        {
            return Storage.Read(key, secret) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        }
        catch (InsecureStateFileException e)
        {
            throw new InsecureKeyFileException(e.Path, e.Mode);
        }
        catch (StateStorageException e)
        {
            throw new CertificateStoreException(e.Message, e);
        }
    }

    public IReadOnlyList<X509Certificate2> Certificates(string key) => reader.ParseCertificates(Required(key, secret: false), Storage.Describe(key));

    public PrivateKey Key(string key) => reader.ParsePrivateKey(Required(key, secret: true), Storage.Describe(key));

    public async Task WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        try
        {
            await Storage.WriteAsync(writes, cancellationToken);
        }
        catch (StateStorageException e) when (e is not LeadershipLostException)
        {
            throw new CertificateStoreException(e.Message, e);
        }
    }

    private string Required(string key, bool secret) =>
        Text(key, secret) ?? throw new CertificateStoreException($"'{Storage.Describe(key)}' does not exist.");
}
