using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>The plan as JSON for scripts and CI: the same changes as the text form, same redaction. Each change keeps
/// the resource's own shape and id (format version 1: fields are only ever added); <c>group</c> names the entry the text
/// form shows it in ("host jellyfin" for that host's inline pool and DNS record).</summary>
public sealed class PlanJsonRenderer(PlanLayout layout)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public JsonObject ToJson(Plan plan)
    {
        var groups = layout.Items(plan).SelectMany(i => i.Covers.Select(c => (c.Id, Group: i.Id.ToString()))).ToDictionary(p => p.Id, p => p.Group);
        return ToJson(plan, groups);
    }

    private static JsonObject ToJson(Plan plan, IReadOnlyDictionary<Core.Desired.ResourceId, string> groups) => new()
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
            ["group"] = groups.GetValueOrDefault(c.Id, c.Id.ToString()),
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
