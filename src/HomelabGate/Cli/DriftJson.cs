using System.Text.Json;
using System.Text.Json.Serialization;
using HomelabGate.Core.Status;

namespace HomelabGate.Cli;

/// <summary><c>gate drift -o json</c>'s document, source-generated (no reflection: the published gate is Native AOT).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DriftDocument))]
internal sealed partial class DriftJson : JsonSerializerContext;

internal sealed record DriftDocument(bool InSync, IReadOnlyList<DriftItem> Items, IReadOnlyList<string> Problems);
