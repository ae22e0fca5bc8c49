using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;
using HomelabGate.Status;

namespace HomelabGate.Daemon;

/// <summary>What one reconcile did: the plan it carried out and how each change went, or why it did not get that far.</summary>
public sealed record ReconcileOutcome(
    ReconcileResult Result,
    string Trigger,
    DateTimeOffset At,
    string? ManifestHash,
    Plan? Plan,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? Message)
{
    public IReadOnlyList<ChangeResult> Results { get; init; } = [];
}
