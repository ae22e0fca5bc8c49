using System.Text.Json.Serialization;

namespace HomelabGate.Acme.Protocol;

/// <summary>RFC 8555 §7.1.1 directory. Resource URLs are always read from here, never guessed (pebble's are deliberately odd).</summary>
public sealed record AcmeDirectory
{
    [JsonPropertyName("newNonce")]
    public required Uri NewNonce { get; init; }

    [JsonPropertyName("newAccount")]
    public required Uri NewAccount { get; init; }

    [JsonPropertyName("newOrder")]
    public required Uri NewOrder { get; init; }

    [JsonPropertyName("revokeCert")]
    public Uri? RevokeCert { get; init; }

    [JsonPropertyName("keyChange")]
    public Uri? KeyChange { get; init; }

    /// <summary>RFC 9773 ACME Renewal Information, when the CA offers it.</summary>
    [JsonPropertyName("renewalInfo")]
    public Uri? RenewalInfo { get; init; }

    [JsonPropertyName("meta")]
    public AcmeDirectoryMeta? Meta { get; init; }
}
