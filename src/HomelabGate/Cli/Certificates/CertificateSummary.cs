using HomelabGate.Certificates.Inspection;

namespace HomelabGate.Cli.Certificates;

/// <summary>What <c>gate cert list/show</c> print about one stored certificate: the inspection data plus key type and
/// where it came from ("local CA", "imported", "acme"), whether renewal is due now, and whether its validity has not
/// begun yet (issued while the clock was wrong: clients refuse it, and gate issues it again).</summary>
public sealed record CertificateSummary(CertificateInfo Info, string KeyType, string Source, bool RenewalDueNow, bool NotYetValid = false);
