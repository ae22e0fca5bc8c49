using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Trust;

/// <summary>A place that decides which roots this machine trusts. Install and uninstall are idempotent.</summary>
public interface ITrustStore
{
    string Description { get; }

    Task InstallAsync(X509Certificate2 root, CancellationToken cancellationToken);

    Task UninstallAsync(X509Certificate2 root, CancellationToken cancellationToken);

    Task<bool> IsInstalledAsync(X509Certificate2 root, CancellationToken cancellationToken);
}
