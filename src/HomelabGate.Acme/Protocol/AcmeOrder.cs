using System.Text.Json.Serialization;
using HomelabGate.Acme.Errors;

namespace HomelabGate.Acme.Protocol;

/// <summary>RFC 8555 §7.1.3 order; <see cref="Url"/> comes from the Location header of newOrder.</summary>
public sealed record AcmeOrder : IAcmePollable
{
    [JsonIgnore]
    public Uri Url { get; set; } = null!;

    /// <summary>How long the CA asked us to wait before polling again, if it said.</summary>
    [JsonIgnore]
    public TimeSpan? RetryAfter { get; init; }

    [JsonPropertyName("status")]
    public required AcmeStatus Status { get; init; }

    [JsonPropertyName("identifiers")]
    public required IReadOnlyList<AcmeIdentifier> Identifiers { get; init; }

    [JsonPropertyName("authorizations")]
    public required IReadOnlyList<Uri> Authorizations { get; init; }

    [JsonPropertyName("finalize")]
    public required Uri Finalize { get; init; }

    [JsonPropertyName("certificate")]
    public Uri? Certificate { get; init; }

    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires { get; init; }

    [JsonPropertyName("error")]
    public AcmeProblem? Error { get; init; }
}
