using System.Text.Json.Nodes;
using HomelabGate.Tests.Rendering;

namespace HomelabGate.Tests.Serving;

/// <summary>Enums and integer ranges read from schema/homelab.schema.json itself, so the generated manifests follow the
/// schema as it is, not as a test remembers it.</summary>
public sealed class SchemaFacts
{
    private readonly JsonNode _schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RenderingGoldenTests.RepoRoot(), "schema", "homelab.schema.json")))!;

    /// <param name="pointer">A path below the schema's root, e.g. "definitions/upstream/properties/loadBalancing".</param>
    public string[] Enum(string pointer) => At(pointer)["enum"]!.AsArray().Select(v => v!.ToString()).ToArray();

    /// <summary>The integer range of a property, with int.MaxValue standing in for "no maximum" (the schema's gap, if any).</summary>
    public (long Min, long Max) Range(string pointer)
    {
        var node = At(pointer);
        return (node["minimum"]?.GetValue<long>() ?? long.MinValue, node["maximum"]?.GetValue<long>() ?? long.MaxValue);
    }

    private JsonNode At(string pointer) =>
        pointer.Split('/').Aggregate(_schema, (node, part) => node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!);
}
