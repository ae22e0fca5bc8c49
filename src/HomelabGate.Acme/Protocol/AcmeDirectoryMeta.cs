using System.Text.Json.Serialization;

namespace HomelabGate.Acme.Protocol;

public sealed record AcmeDirectoryMeta
{
    [JsonPropertyName("termsOfService")]
    public string? TermsOfService { get; init; }

    [JsonPropertyName("website")]
    public string? Website { get; init; }

    [JsonPropertyName("externalAccountRequired")]
    public bool ExternalAccountRequired { get; init; }
}
