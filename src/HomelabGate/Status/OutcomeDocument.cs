using System.Text.Json.Nodes;

namespace HomelabGate.Status;

/// <summary>One reconcile as the API shows it (the status's "last", /api/history, POST /api/reconcile): its result, what
/// it planned (as JSON and as the text <c>gate plan</c> prints) and, change by change, how each went.</summary>
public sealed record OutcomeDocument(
    ReconcileResult Result,
    string Trigger,
    DateTimeOffset At,
    string? ManifestHash,
    string? Message,
    IReadOnlyList<string> Diagnostics,
    JsonObject? Plan,
    string? PlanText,
    IReadOnlyList<ChangeResultDocument> Results);

/// <summary>"host jellyfin", "succeeded" | "failed" | "deferred", and why.</summary>
public sealed record ChangeResultDocument(string Id, Core.Engine.ChangeOutcome Outcome, string? Detail);
