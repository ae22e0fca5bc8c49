using System.Net;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>What counts as "this machine" for the admin rules: loopback in every spelling (127.0.0.0/8, ::1, their
/// IPv4-mapped forms, localhost and *.localhost) and the unspecified addresses a listener uses for "every interface".</summary>
public static class LocalAddress
{
    public static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(Unmapped(address));

    public static bool IsAny(IPAddress address) =>
        Unmapped(address).Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>A host name or address that certainly means this machine, as an address; else null.</summary>
    public static IPAddress? OfHost(string host)
    {
        var bare = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (bare is "localhost" or "ip6-localhost" or "ip6-loopback" || bare.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return IPAddress.Loopback;
        }
        return IPAddress.TryParse(bare, out var address) ? Unmapped(address) : null;
    }
}
