using System.Net;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Daemon.Status;

/// <summary>The DNS-rebinding defence of the admin listener: a page on evil.example whose name is re-pointed at
/// 127.0.0.1 reaches the listener as "local", but its requests still say <c>Host: evil.example</c>. Only an IP literal
/// the listener answers on (its own address, the address the client connected to) or, on loopback, <c>localhost</c>
/// and loopback literals are accepted. The port is not compared: an SSH tunnel (<c>-L 8000:127.0.0.1:9180</c>) changes
/// it, and a rebinding page cannot choose a literal name.</summary>
public sealed class AdminHostCheck(IPAddress listenAddress)
{
    public bool Allows(HttpContext context)
    {
        var name = context.Request.Host.Host;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        var local = Normalize(context.Connection.LocalIpAddress);
        var onLoopback = local is not null && IPAddress.IsLoopback(local);
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return onLoopback;
        }
        if (Literal(name) is not { } literal)
        {
            return false;
        }
        return literal.Equals(local) || literal.Equals(Normalize(listenAddress)) || (onLoopback && IPAddress.IsLoopback(literal));
    }

    public string Expected(HttpContext context) =>
        IPAddress.IsLoopback(Normalize(listenAddress)!) ? $"{Literal(listenAddress)} or localhost" : Literal(Normalize(context.Connection.LocalIpAddress) ?? listenAddress);

    /// <summary>An IPv4 literal in dotted form or an IPv6 literal in brackets; "127.1" and "2130706433" parse as
    /// 127.0.0.1 too, but a browser never sends those, so neither is accepted.</summary>
    private static IPAddress? Literal(string name)
    {
        if (name.Length > 2 && name[0] == '[' && name[^1] == ']')
        {
            var inner = name.AsSpan(1, name.Length - 2);
            return inner.IndexOfAny('[', ']') < 0 && IPAddress.TryParse(inner, out var v6)
                && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? Normalize(v6) : null;
        }
        return IPAddress.TryParse(name, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && name == v4.ToString() ? v4 : null;
    }

    private static string Literal(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static IPAddress? Normalize(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
