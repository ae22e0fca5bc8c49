using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.Storage;

/// <summary>A certificate with its key and the intermediates to send along, as stored under <c>certificates/&lt;name&gt;/</c>.</summary>
public sealed record StoredCertificate(
    string Name, X509Certificate2 Leaf, IReadOnlyList<X509Certificate2> Chain, PrivateKey Key, CertificateMetadata? Metadata)
{
    /// <summary>The leaf with its private key attached, as Kestrel's SNI callback wants it.</summary>
    public X509Certificate2 ToServerCertificate() => Key.AttachTo(Leaf);
}
