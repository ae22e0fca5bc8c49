using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>
/// The loaded CA as leaf issuance needs it: the root certificate (no key: the root signs only intermediates)
/// and the intermediate with its key.
/// </summary>
public sealed record LocalCertificateAuthority(X509Certificate2 Root, X509Certificate2 Intermediate, PrivateKey IntermediateKey)
{
    /// <summary>The constraints baked into the intermediate, read back from the certificate itself.</summary>
    public NameConstraints? NameConstraints => NameConstraintsExtension.Read(Intermediate);
}
