using HomelabGate.Core.Desired;
using HomelabGate.Core.State;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Accounts;

/// <summary>Keeps an account key as a PKCS#8 PEM file readable only by its owner. Writes are atomic: a temp file
/// created 0600 (never briefly world-readable), flushed to disk, then renamed over the old file.</summary>
public sealed class AcmeAccountStore(string directory)
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>One file per CA, so switching directory URLs never reuses a key registered elsewhere.</summary>
    public string PathFor(Uri directoryUrl)
    {
        var name = string.Concat($"{directoryUrl.Host}_{directoryUrl.Port}{directoryUrl.AbsolutePath}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        return Path.Combine(directory, name.TrimEnd('_') + ".key.pem");
    }

    public AccountKey? Load(Uri directoryUrl)
    {
        var path = PathFor(directoryUrl);
        return File.Exists(path) ? AccountKey.ImportPem(File.ReadAllText(path)) : null;
    }

    public AccountKey LoadOrCreate(Uri directoryUrl, KeyType algorithm = KeyType.EcdsaP256)
    {
        if (Load(directoryUrl) is { } existing)
        {
            return existing;
        }
        var key = AccountKey.Create(algorithm);
        Save(directoryUrl, key);
        return key;
    }

    public void Save(Uri directoryUrl, AccountKey key)
    {
        Core.State.PrivateDirectory.Create(directory);
        AtomicFile.Write(PathFor(directoryUrl), System.Text.Encoding.UTF8.GetBytes(key.ExportPem()), OwnerReadWrite);
    }
}
