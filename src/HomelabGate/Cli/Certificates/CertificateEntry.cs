namespace HomelabGate.Cli.Certificates;

/// <summary>One name in the certificate store: its summary, or the problem that kept it from being read.</summary>
public sealed record CertificateEntry(string Name, CertificateSummary? Summary, string? Problem);
