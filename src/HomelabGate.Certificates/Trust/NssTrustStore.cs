using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Export;

namespace HomelabGate.Certificates.Trust;

/// <summary>
/// An NSS database (Firefox profiles, Chromium on Linux, curl built with NSS) via certutil from libnss3-tools.
/// Firefox and Chromium ignore the system store on Linux, hence this second store.
/// </summary>
public sealed class NssTrustStore(string databaseDirectory, ProcessRunner runner, string certutil = "certutil") : ITrustStore
{
    /// <summary>The per-user database Chromium uses, when it exists.</summary>
    public static string? DefaultDatabase(string homeDirectory)
    {
        var path = Path.Combine(homeDirectory, ".pki", "nssdb");
        return Directory.Exists(path) ? path : null;
    }

    public string Description => $"NSS database ({databaseDirectory})";

    public static string NicknameFor(X509Certificate2 root) => $"HomelabGate root {RootExporter.ShortFingerprint(root)}";

    public async Task InstallAsync(X509Certificate2 root, CancellationToken cancellationToken)
    {
        if (await IsInstalledAsync(root, cancellationToken))
        {
            return;
        }

        // certutil reads the certificate from a file; a private temp file holds only the public root.
        var file = Path.Combine(Path.GetTempPath(), $"homelabgate-{Guid.NewGuid():N}.pem");
        try
        {
            await File.WriteAllTextAsync(file, root.ExportCertificatePem(), cancellationToken);
            // "C,," = trusted CA for TLS servers only; not for mail or code signing.
            await RunAsync(cancellationToken, "-A", "-d", Database, "-t", "C,,", "-n", NicknameFor(root), "-i", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async Task UninstallAsync(X509Certificate2 root, CancellationToken cancellationToken)
    {
        if (await IsInstalledAsync(root, cancellationToken))
        {
            await RunAsync(cancellationToken, "-D", "-d", Database, "-n", NicknameFor(root));
        }
    }

    public async Task<bool> IsInstalledAsync(X509Certificate2 root, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(certutil, ["-L", "-d", Database, "-n", NicknameFor(root)], cancellationToken);
        return result.ExitCode == 0;
    }

    private string Database => $"sql:{databaseDirectory}";

    private async Task RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await runner.RunAsync(certutil, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new TrustStoreException(
                $"certutil {arguments[0]} on {Description} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
        }
    }
}
