namespace HomelabGate.Core.State;

/// <summary>The layout of the state, the same in every backend (in the state directory, these are file paths).</summary>
public static class StateKeys
{
    public const string Applied = "applied.json";
    public const string DnsOwnership = "dns-ownership.json";
    public const string CaFolder = "ca/";
    public const string CertificatesFolder = "certificates/";
    public const string AcmeFolder = "acme/";

    /// <summary>Folders and files that are state; everything else in a state directory (the lock, data-protection keys
    /// for affinity cookies, temp files) belongs to one node and is never migrated.</summary>
    public static IReadOnlyList<string> Roots { get; } = [Applied, DnsOwnership, CaFolder, CertificatesFolder, AcmeFolder];

    /// <summary>What is stored as a secret (0600 on disk, encrypted in a shared store): private keys, and the two JSON
    /// files that name hosts, records and secret references.</summary>
    public static bool IsSecret(string key) =>
        key is Applied or DnsOwnership || key.EndsWith(".key", StringComparison.Ordinal) || key.EndsWith("key.pem", StringComparison.Ordinal);

    /// <summary>Keys are relative, '/'-separated and never climb out of the store.</summary>
    public static string Check(string key)
    {
        if (key.Length == 0 || key.StartsWith('/') || key.Contains('\\') || key.Contains('\0')
            || key.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{key}' is not a state key", nameof(key));
        }
        return key;
    }
}
