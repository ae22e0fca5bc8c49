namespace HomelabGate.Daemon.Status;

/// <summary>A certificate's names and who presents it (hosts and streams), from the served configuration.</summary>
public sealed record CertificateUse(IReadOnlyList<string> Domains, IReadOnlyList<string> UsedBy);
