namespace HomelabGate.Certificates.Inspection;

/// <summary>What <c>gate cert list/show</c> prints about one certificate.</summary>
public sealed record CertificateInfo(
    string Name,
    string Subject,
    IReadOnlyList<string> SubjectAlternativeNames,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    int DaysLeft,
    string Sha256Fingerprint,
    DateTimeOffset RenewalDue)
{
    public bool Equals(CertificateInfo? other) =>
        other is not null && Name == other.Name && Sha256Fingerprint == other.Sha256Fingerprint && DaysLeft == other.DaysLeft
        && SubjectAlternativeNames.SequenceEqual(other.SubjectAlternativeNames);

    public override int GetHashCode() => HashCode.Combine(Name, Sha256Fingerprint, DaysLeft);
}
