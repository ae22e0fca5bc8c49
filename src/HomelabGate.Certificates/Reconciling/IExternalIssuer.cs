using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;

namespace HomelabGate.Certificates.Reconciling;

/// <summary>An issuer that lives outside this project (ACME): given a certificate and its issuer, make sure a good one is
/// in the store. The composition root plugs it in, so this project does not depend on the ACME client.</summary>
public interface IExternalIssuer
{
    bool Handles(CertificateIssuer issuer);

    Task<IssuanceResult> EnsureAsync(Certificate certificate, CertificateIssuer issuer, CertificateStore store, CancellationToken cancellationToken);
}
