using HomelabGate.Certificates.Import;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Sources;

/// <summary>Certificates the user supplies as PEM files (<c>files: { cert, key, chain }</c>): checked (key matches, not
/// expired, chain order) and copied into the store. Re-read on every observation, so a replaced file is picked up.</summary>
public sealed class FilesSource(CustomCertificateImporter importer, CertificateStore store) : ICertificateSource
{
    public CertificateOrigin Origin => CertificateOrigin.Files;

    public Task<RenewalReason?> DueAsync(CertificateWork work, StoredCertificateRead stored, ObservationScope scope, CancellationToken cancellationToken)
    {
        var import = Import(work);
        RenewalReason? reason = !import.Succeeded ? new RenewalReason(RenewalReasonCode.Unreadable, $"the files cannot be used: {string.Join(" ", import.Errors)}")
            : stored.Certificate is null ? new RenewalReason(RenewalReasonCode.Missing, $"'{work.Name}' is not imported yet")
            : stored.Certificate.Leaf.Thumbprint != import.Certificate!.Leaf.Thumbprint
                ? new RenewalReason(RenewalReasonCode.FilesChanged, $"the files hold another certificate now (not after {import.Certificate.Leaf.NotAfter.ToUniversalTime():u})")
                : null;
        return Task.FromResult(reason);
    }

    public async Task<StoredCertificate> IssueAsync(CertificateWork work, CancellationToken cancellationToken)
    {
        var import = Import(work);
        if (!import.Succeeded)
        {
            throw new CertificateIssueException(string.Join(" ", import.Errors));
        }
        await store.SaveAsync(import.Certificate!, cancellationToken);
        return import.Certificate!;
    }

    private CustomCertificateImport Import(CertificateWork work)
    {
        var files = work.Certificate.Files ?? throw new InvalidOperationException($"certificate '{work.Name}' has no files");
        return importer.Import(work.Name, new CustomCertificatePaths(files.Cert, files.Key, files.Chain));
    }
}
