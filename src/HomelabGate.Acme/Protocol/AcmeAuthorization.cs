using System.Text.Json.Serialization;

namespace HomelabGate.Acme.Protocol;

/// <summary>RFC 8555 §7.1.4 authorization. For a wildcard the identifier is the base name and <see cref="Wildcard"/> is true.</summary>
public sealed record AcmeAuthorization : IAcmePollable
{
    [JsonIgnore]
    public Uri Url { get; set; } = null!;

    [JsonIgnore]
    public TimeSpan? RetryAfter { get; init; }

    [JsonPropertyName("identifier")]
    public required AcmeIdentifier Identifier { get; init; }

    [JsonPropertyName("status")]
    public required AcmeStatus Status { get; init; }

    [JsonPropertyName("challenges")]
    public required IReadOnlyList<AcmeChallenge> Challenges { get; init; }

    [JsonPropertyName("wildcard")]
    public bool Wildcard { get; init; }

    /// <summary>The name as the order requested it: "*.home.test" for a wildcard authorization.</summary>
    [JsonIgnore]
    public string RequestedName => Wildcard ? "*." + Identifier.Value : Identifier.Value;
}
