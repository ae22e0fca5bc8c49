using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Sources;

/// <summary>One way certificates come to be: the local CA, files the user supplies, or an ACME CA. The certificate
/// system picks the source by <see cref="CertificateWork.Origin"/>; each builds its renewal policy through
/// <see cref="Renewal.RenewalPolicyFactory"/>, so "due" means one thing everywhere.</summary>
public interface ICertificateSource
{
    CertificateOrigin Origin { get; }

    /// <returns>Why the stored certificate must be replaced now, or null when it can serve.</returns>
    /// <param name="scope"><see cref="ObservationScope.Local"/>: decide without asking anyone over the network.</param>
    Task<RenewalReason?> DueAsync(CertificateWork work, StoredCertificateRead stored, ObservationScope scope, CancellationToken cancellationToken);

    /// <summary>Obtains a new certificate and stores it atomically; a failure leaves the stored one as it was.</summary>
    /// <exception cref="CertificateIssueException">With the reason in plain words and, when the other side said so, when to retry.</exception>
    Task<StoredCertificate> IssueAsync(CertificateWork work, CancellationToken cancellationToken);
}
