using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>The plan as JSON for scripts and CI: the same changes as the text form, same redaction.</summary>
public sealed class PlanJsonRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public JsonObject ToJson(Plan plan) => new()
    {
        ["formatVersion"] = 1,
        ["changes"] = new JsonArray(plan.Changes.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id.ToString(),
            ["kind"] = c.Id.KindLabel,
            ["name"] = c.Id.Name,
            ["action"] = c.Action.Word(),
            ["reason"] = c.Reason,
            ["before"] = StripKind(ResourceAttributes.ToJson(c.Before)),
            ["after"] = StripKind(ResourceAttributes.ToJson(c.After)),
        }).ToArray()),
        ["notes"] = new JsonArray([.. plan.Notes.Select(n => (JsonNode)n)]),
        ["summary"] = new JsonObject { ["add"] = plan.ToAdd, ["change"] = plan.ToChange, ["destroy"] = plan.ToDestroy },
    };

    public void Render(Plan plan, TextWriter output) => output.WriteLine(ToJson(plan).ToJsonString(Indented));

    private static JsonNode? StripKind(JsonNode? node)
    {
        (node as JsonObject)?.Remove("$kind");
        return node;
    }
}
