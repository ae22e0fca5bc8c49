using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Planning;

namespace HomelabGate.Daemon;

public enum ReconcileResult
{
    Applied,
    Unchanged,
    Invalid,
    Failed,
}

/// <summary>What one reconcile did: the plan it carried out, or why it did not.</summary>
public sealed record ReconcileOutcome(
    ReconcileResult Result,
    string Trigger,
    DateTimeOffset At,
    string? ManifestHash,
    Plan? Plan,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? Message);
