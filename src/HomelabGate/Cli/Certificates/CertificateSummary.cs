using HomelabGate.Certificates.Inspection;

namespace HomelabGate.Cli.Certificates;

/// <summary>What <c>gate cert list/show</c> print about one stored certificate: the inspection data plus key type and
/// where it came from ("local CA", "imported", "acme"), and whether renewal is due now.</summary>
public sealed record CertificateSummary(CertificateInfo Info, string KeyType, string Source, bool RenewalDueNow);
