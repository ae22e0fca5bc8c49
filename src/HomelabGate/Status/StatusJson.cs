using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Status;

/// <summary>Source-generated (de)serialization of the status documents: no reflection, one definition of the wire format
/// for the daemon and the CLI.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(OutcomeDocument))]
[JsonSerializable(typeof(IReadOnlyList<OutcomeDocument>))]
public sealed partial class StatusJson : JsonSerializerContext;
