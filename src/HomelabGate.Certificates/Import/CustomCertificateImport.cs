using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Import;

/// <summary>The imported certificate, or every reason it was refused (all of them at once, not just the first).</summary>
public sealed record CustomCertificateImport(StoredCertificate? Certificate, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Certificate is not null;
}
