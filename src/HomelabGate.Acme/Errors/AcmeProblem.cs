using System.Text.Json.Serialization;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Errors;

/// <summary>An RFC 7807 problem document as ACME uses it (RFC 8555 §6.7), including per-identifier subproblems.</summary>
public sealed record AcmeProblem
{
    public const string Namespace = "urn:ietf:params:acme:error:";

    [JsonPropertyName("type")]
    public string Type { get; set; } = "about:blank";

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("identifier")]
    public AcmeIdentifier? Identifier { get; init; }

    [JsonPropertyName("subproblems")]
    public IReadOnlyList<AcmeProblem> Subproblems { get; set; } = [];

    /// <summary>The ACME error name without its URN prefix ("badNonce"), or the whole type for foreign problems.</summary>
    [JsonIgnore]
    public string ShortType => Type.StartsWith(Namespace, StringComparison.Ordinal) ? Type[Namespace.Length..] : Type;

    /// <summary>Worth retrying later without the user changing anything.</summary>
    [JsonIgnore]
    public bool IsTransient => ShortType is "badNonce" or "rateLimited" or "serverInternal" or "dns" or "connection"
        || (Status is >= 500 && !Type.StartsWith(Namespace, StringComparison.Ordinal));
}
