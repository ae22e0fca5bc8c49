using HomelabGate.Core.Desired;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.Storage;

/// <summary>meta.json: what was asked for and by whom it was issued, for <c>gate cert list</c> and for humans reading the state dir.</summary>
public sealed record CertificateMetadata(
    string Name,
    IReadOnlyList<string> Domains,
    KeyType KeyAlgorithm,
    CertificateSource Source,
    DateTimeOffset StoredAt);

public enum CertificateSource
{
    LocalCa,
    Custom,
    Acme,
}
