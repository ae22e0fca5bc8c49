using System.Text.Json.Serialization;

namespace HomelabGate.Acme.Protocol;

/// <summary>An account resource; <see cref="Url"/> (the "kid") comes from the Location header.</summary>
public sealed record AcmeAccount
{
    [JsonIgnore]
    public Uri Url { get; set; } = null!;

    /// <summary>True when newAccount answered 201 (created) rather than 200 (found by its key).</summary>
    [JsonIgnore]
    public bool Created { get; init; }

    [JsonPropertyName("status")]
    public required AcmeStatus Status { get; init; }

    [JsonPropertyName("contact")]
    public IReadOnlyList<string> Contact { get; set; } = [];
}
