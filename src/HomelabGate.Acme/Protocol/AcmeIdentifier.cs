using System.Text.Json.Serialization;

namespace HomelabGate.Acme.Protocol;

/// <summary>An order or authorization identifier; only "dns" is used here.</summary>
public sealed record AcmeIdentifier(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value)
{
    public static AcmeIdentifier Dns(string name) => new("dns", name);
}
