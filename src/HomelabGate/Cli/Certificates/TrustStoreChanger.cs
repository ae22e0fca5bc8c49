using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Trust;

namespace HomelabGate.Cli.Certificates;

/// <summary>Adds the root to, or removes it from, each selected store and prints one line per store saying what was
/// done. A failing store does not stop the others; any failure makes the exit code 1.</summary>
public sealed class TrustStoreChanger
{
    public async Task<int> ChangeAsync(X509Certificate2 root, TrustStoreSelection selection, bool trust, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"{root.GetNameInfo(X509NameType.SimpleName, forIssuer: false)} (SHA-256 {CertificateInfoReader.Sha256Fingerprint(root)})");
        var failed = false;
        foreach (var store in selection.Stores)
        {
            try
            {
                var wasTrusted = await store.IsInstalledAsync(root, cancellationToken);
                if (trust && !wasTrusted)
                {
                    await store.InstallAsync(root, cancellationToken);
                }
                else if (!trust && wasTrusted)
                {
                    await store.UninstallAsync(root, cancellationToken);
                }
                output.WriteLine($"  {store.Description}: {Outcome(trust, wasTrusted)}");
            }
            catch (TrustStoreException e)
            {
                failed = true;
                output.WriteLine($"  {store.Description}: failed: {e.Message}");
            }
        }
        foreach (var skipped in selection.Skipped)
        {
            output.WriteLine($"  {skipped}");
        }
        if (selection.Stores.Count == 0)
        {
            output.WriteLine("Nothing was changed: no trust store was selected.");
        }
        return failed ? ExitCodes.Error : ExitCodes.Success;
    }

    private static string Outcome(bool trust, bool wasTrusted) => (trust, wasTrusted) switch
    {
        (true, false) => "trusted now",
        (true, true) => "already trusted, nothing to do",
        (false, true) => "removed",
        (false, false) => "not trusted there, nothing to do",
    };
}
