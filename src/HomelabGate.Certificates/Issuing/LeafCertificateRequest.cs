using HomelabGate.Core.Desired;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.Issuing;

/// <summary>
/// A certificate the daemon wants from the local CA. <see cref="Domains"/> holds DNS names (wildcards allowed)
/// and IP addresses as strings, as the manifest has them.
/// </summary>
public sealed record LeafCertificateRequest(string Name, IReadOnlyList<string> Domains)
{
    /// <summary>
    /// 90 days, as Let's Encrypt: far below Apple's 825-day ceiling for TLS certificates (iOS 13 / macOS 10.15
    /// reject longer ones even from a user-installed root), short enough that a leaked key expires soon, and
    /// renewal is automatic anyway (at one third of the lifetime left, i.e. after 60 days, see <see cref="Renewal.RenewalWindow"/>).
    /// </summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public KeyType KeyAlgorithm { get; init; } = KeyType.EcdsaP256;

    public TimeSpan Lifetime { get; init; } = DefaultLifetime;

    public SubjectNames Names => SubjectNames.Parse(Domains);

    // Records compare lists by reference; the planner needs content equality.
    public bool Equals(LeafCertificateRequest? other) =>
        other is not null && Name == other.Name && Domains.SequenceEqual(other.Domains)
        && KeyAlgorithm == other.KeyAlgorithm && Lifetime == other.Lifetime;

    public override int GetHashCode() => HashCode.Combine(Name, Domains.Count, KeyAlgorithm, Lifetime);
}
