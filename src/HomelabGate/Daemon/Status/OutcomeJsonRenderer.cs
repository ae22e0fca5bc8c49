using System.Text.Json.Nodes;
using HomelabGate.Rendering;

namespace HomelabGate.Daemon.Status;

/// <summary>One reconcile outcome as JSON, for /api/status (its "last"), /api/history and POST /api/reconcile.</summary>
public sealed class OutcomeJsonRenderer(PlanJsonRenderer planJson, PlanTextRenderer planText)
{
    public JsonObject Render(ReconcileOutcome outcome)
    {
        var text = new StringWriter();
        if (outcome.Plan is { } plan)
        {
            planText.Render(plan, text);
        }
        return new JsonObject
        {
            ["result"] = outcome.Result.ToString().ToLowerInvariant(),
            ["trigger"] = outcome.Trigger,
            ["at"] = outcome.At,
            ["manifestHash"] = outcome.ManifestHash,
            ["message"] = outcome.Message,
            ["diagnostics"] = new JsonArray([.. outcome.Diagnostics.Select(d => (JsonNode)DiagnosticLine.Format(d))]),
            ["plan"] = outcome.Plan is null ? null : planJson.ToJson(outcome.Plan),
            ["planText"] = outcome.Plan is null ? null : text.ToString(),
        };
    }
}
