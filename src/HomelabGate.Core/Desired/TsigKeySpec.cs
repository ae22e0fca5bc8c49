namespace HomelabGate.Core.Desired;

/// <summary>A TSIG key for RFC 2136 updates, as the manifest's <c>tsig:</c> block names it (for DNS records and for
/// DNS-01 alike). <see cref="Algorithm"/> is BIND's spelling; the secret is only a reference.</summary>
public sealed record TsigKeySpec(string Name, string Algorithm, [property: Sensitive] string Secret)
{
    public const string DefaultAlgorithm = "hmac-sha256";
}
