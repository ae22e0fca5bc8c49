using System.Net;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Access;

/// <summary>The client's IP for access rules: the TCP peer, unless the peer is a trusted proxy, in which case the
/// right-most X-Forwarded-For entry that is not itself a trusted proxy (left-most entries are client-controlled).</summary>
public sealed class ClientAddressResolver(IReadOnlyList<IPNetwork> trustedProxies)
{
    public IPAddress? Resolve(HttpContext context)
    {
        var peer = Peer(context);
        if (peer is null || trustedProxies.Count == 0 || !IsTrusted(peer))
        {
            return peer;
        }
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var hops = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                return peer;
            }
            hop = Normalize(hop)!;
            if (!IsTrusted(hop))
            {
                return hop;
            }
        }
        return peer;
    }

    /// <summary>Whether the direct peer is one of <c>settings.trustedProxies</c>, whose forwarding headers are believed.</summary>
    public bool TrustsPeer(HttpContext context) =>
        trustedProxies.Count > 0 && Peer(context) is { } peer && IsTrusted(peer);

    /// <summary>The TCP peer, an IPv4-mapped IPv6 address as plain IPv4.</summary>
    public static IPAddress? Peer(HttpContext context) => Normalize(context.Connection.RemoteIpAddress);

    private bool IsTrusted(IPAddress address) =>
        trustedProxies.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));

    private static IPAddress? Normalize(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
