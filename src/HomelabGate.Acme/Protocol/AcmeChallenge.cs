using System.Text.Json.Serialization;
using HomelabGate.Acme.Errors;

namespace HomelabGate.Acme.Protocol;

/// <summary>RFC 8555 §7.1.5 challenge; only dns-01 is solved here.</summary>
public sealed record AcmeChallenge
{
    public const string Dns01 = "dns-01";

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("url")]
    public required Uri Url { get; init; }

    [JsonPropertyName("status")]
    public required AcmeStatus Status { get; init; }

    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("error")]
    public AcmeProblem? Error { get; init; }
}
