using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Issuing;

/// <summary>The certificate to serve, and why it was issued now (null: the stored one was still good).</summary>
public sealed record IssuanceResult(StoredCertificate Certificate, RenewalReason? IssuedBecause)
{
    public bool WasIssued => IssuedBecause is not null;
}
