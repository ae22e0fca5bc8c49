using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.Challenges.Cloudflare;

/// <summary>A Cloudflare API v4 endpoint and a scoped API token (Zone:Read + DNS:Edit) given as a reference.
/// <paramref name="ZoneName"/> null: the zone is found by trying the challenge name's parents, longest first.</summary>
public sealed record CloudflareOptions(Uri BaseAddress, SecretReference ApiToken, string? ZoneName = null, int Ttl = 60)
{
    public static Uri DefaultBaseAddress { get; } = new("https://api.cloudflare.com/client/v4/");
}
