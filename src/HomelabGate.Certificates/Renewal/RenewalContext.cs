using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Renewal;

/// <summary>What the rules look at: what is wanted, what is stored, and who issues now (null for an ACME CA, whose
/// intermediates are its own business).</summary>
public sealed record RenewalContext(LeafCertificateRequest Request, StoredCertificateRead Stored, X509Certificate2? CurrentIssuer)
{
    /// <summary>The stored certificate; rules after Missing/Unreadable may rely on it.</summary>
    public StoredCertificate Certificate =>
        Stored.Certificate ?? throw new InvalidOperationException("the Missing and Unreadable rules must run first");
}
