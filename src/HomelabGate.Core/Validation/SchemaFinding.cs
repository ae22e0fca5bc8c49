using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Core.Validation;

/// <summary>One schema error: the path it is about ("hosts.a.domains") and the diagnostic shown for it.</summary>
public sealed record SchemaFinding(string Path, Diagnostic Diagnostic);
