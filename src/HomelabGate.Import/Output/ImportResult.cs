using HomelabGate.Import.Reporting;

namespace HomelabGate.Import.Output;

/// <summary>Everything an import produces, in memory: nothing is on disk until the caller writes it all at once.</summary>
public sealed record ImportResult(string Manifest, IReadOnlyList<OutputFile> Files, IReadOnlyList<CertificateSeed> Seeds, ImportReport Report);
