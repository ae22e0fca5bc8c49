using HomelabGate.Certificates.Trust;

namespace HomelabGate.Cli.Certificates;

/// <summary>Which trust stores <c>gate ca trust/untrust</c> act on: the Debian/Ubuntu system store unless --no-system,
/// and an NSS database (Chromium's ~/.pki/nssdb when it exists, or --nss-db DIR). The system store's directories and
/// the home directory are injected, so tests never touch the machine's real trust.</summary>
public sealed class TrustStoreSelector(SystemTrustStoreOptions system, ProcessRunner runner, string homeDirectory)
{
    public TrustStoreSelection Select(string? nssDatabase, bool includeSystem)
    {
        var stores = new List<ITrustStore>();
        var skipped = new List<string>();
        if (includeSystem)
        {
            stores.Add(new SystemTrustStore(system, runner));
        }
        else
        {
            skipped.Add("system store: skipped (--no-system)");
        }

        if (nssDatabase is not null)
        {
            if (!Directory.Exists(nssDatabase))
            {
                throw new TrustStoreException(
                    $"NSS database '{nssDatabase}' does not exist; create one with: certutil -N -d sql:{nssDatabase} --empty-password");
            }
            stores.Add(new NssTrustStore(Path.GetFullPath(nssDatabase), runner));
        }
        else if (NssTrustStore.DefaultDatabase(homeDirectory) is { } found)
        {
            stores.Add(new NssTrustStore(found, runner));
        }
        else
        {
            skipped.Add($"NSS database: skipped ({Path.Combine(homeDirectory, ".pki", "nssdb")} does not exist; choose one with --nss-db DIR)");
        }
        return new TrustStoreSelection(stores, skipped);
    }
}
