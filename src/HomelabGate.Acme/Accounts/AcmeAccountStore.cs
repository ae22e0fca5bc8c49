using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Core.State;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Accounts;

/// <summary>Keeps an account key as a PKCS#8 PEM secret in the state store (<c>acme/</c>): on disk a file only its owner
/// reads, written atomically (created 0600, never briefly world-readable, flushed, renamed); in a shared store,
/// encrypted. The key is created once and reused.</summary>
public sealed class AcmeAccountStore(IStateStorage storage, string folder)
{
    /// <summary>Account keys as files directly in <paramref name="directory"/>.</summary>
    public AcmeAccountStore(string directory) : this(new FileStateStorage(directory), "")
    {
    }

    /// <summary>One key per CA, so switching directory URLs never reuses a key registered elsewhere.</summary>
    public string KeyFor(Uri directoryUrl)
    {
        var name = string.Concat($"{directoryUrl.Host}_{directoryUrl.Port}{directoryUrl.AbsolutePath}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        return folder + name.TrimEnd('_') + ".key.pem";
    }

    /// <summary>Where the key lives (a path in a state directory).</summary>
    public string PathFor(Uri directoryUrl) => storage.Describe(KeyFor(directoryUrl));

    public AccountKey? Load(Uri directoryUrl) =>
        storage.Read(KeyFor(directoryUrl), secret: true) is { } pem ? AccountKey.ImportPem(Encoding.UTF8.GetString(pem)) : null;

    public async Task<AccountKey> LoadOrCreateAsync(Uri directoryUrl, CancellationToken cancellationToken, KeyType algorithm = KeyType.EcdsaP256)
    {
        if (Load(directoryUrl) is { } existing)
        {
            return existing;
        }
        var key = AccountKey.Create(algorithm);
        await SaveAsync(directoryUrl, key, cancellationToken);
        return key;
    }

    public Task SaveAsync(Uri directoryUrl, AccountKey key, CancellationToken cancellationToken) =>
        storage.WriteAsync([StateWrite.Text(KeyFor(directoryUrl), key.ExportPem(), secret: true)], cancellationToken);
}
