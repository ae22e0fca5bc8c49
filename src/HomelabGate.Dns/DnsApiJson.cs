using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HomelabGate.Dns;

/// <summary>The JSON the DNS providers' HTTP APIs exchange, read and written as trees; source-generated (no reflection:
/// the published gate is Native AOT).</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class DnsApiJson : JsonSerializerContext;
