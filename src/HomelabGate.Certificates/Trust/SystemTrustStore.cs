using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Export;

namespace HomelabGate.Certificates.Trust;

/// <summary>
/// The Debian/Ubuntu system store: a PEM file named <c>homelabgate-&lt;short-fingerprint&gt;.crt</c> in
/// /usr/local/share/ca-certificates, then update-ca-certificates. The fingerprint in the name keeps two CAs
/// (say, after a rebuild) from overwriting each other and makes uninstall exact.
/// </summary>
public sealed class SystemTrustStore(SystemTrustStoreOptions options, ProcessRunner runner) : ITrustStore
{
    public string Description => $"system store ({options.Directory})";

    public string FileFor(X509Certificate2 root) => Path.Combine(options.Directory, $"homelabgate-{RootExporter.ShortFingerprint(root)}.crt");

    public async Task InstallAsync(X509Certificate2 root, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(options.Directory);
            await File.WriteAllTextAsync(FileFor(root), root.ExportCertificatePem() + "\n", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustStoreException($"Cannot write '{FileFor(root)}': {e.Message} Installing into the system store needs root (sudo).", e);
        }

        await UpdateAsync(cancellationToken);
    }

    public async Task UninstallAsync(X509Certificate2 root, CancellationToken cancellationToken)
    {
        if (!File.Exists(FileFor(root)))
        {
            return;
        }

        try
        {
            File.Delete(FileFor(root));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustStoreException($"Cannot remove '{FileFor(root)}': {e.Message} Removing from the system store needs root (sudo).", e);
        }

        // --fresh drops links to removed roots from /etc/ssl/certs as well.
        await UpdateAsync(cancellationToken, "--fresh");
    }

    public Task<bool> IsInstalledAsync(X509Certificate2 root, CancellationToken cancellationToken) => Task.FromResult(File.Exists(FileFor(root)));

    private async Task UpdateAsync(CancellationToken cancellationToken, params string[] extra)
    {
        var result = await runner.RunAsync(options.UpdateCommand, [.. options.UpdateArguments, .. extra], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new TrustStoreException($"'{options.UpdateCommand}' failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
        }
    }
}
