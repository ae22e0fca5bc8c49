using System.Net;
using HomelabGate.Proxy.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HomelabGate.Proxy.Requests;

/// <summary>What an upstream may believe about the client. Headers with an underscore in the name are dropped, as
/// nginx does by default: CGI, WSGI and PHP read <c>Remote_User</c> and <c>Remote-User</c> as the same
/// <c>REMOTE_USER</c>, so a client could otherwise shadow any header the gate sets. From a peer that is not in
/// <c>settings.trustedProxies</c>, every X-Forwarded-*, Forwarded and X-Real-IP header is dropped too; then the gate
/// sets its own (a trusted peer's are kept, and X-Forwarded-For gets the peer appended).</summary>
public static class ClientHeaders
{
    public const string ForwardedFor = "X-Forwarded-For";
    public const string ForwardedProto = "X-Forwarded-Proto";
    public const string ForwardedHost = "X-Forwarded-Host";
    public const string RealIp = "X-Real-IP";

    public static void Scrub(HttpContext context, bool peerTrusted)
    {
        var headers = context.Request.Headers;
        List<string>? drop = null;
        foreach (var header in headers)
        {
            if (header.Key.Contains('_') || (!peerTrusted && IsForwarding(header.Key)))
            {
                (drop ??= []).Add(header.Key);
            }
        }
        foreach (var name in drop ?? [])
        {
            headers.Remove(name);
        }
    }

    public static bool IsForwarding(string name) =>
        name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase)
        || name.Equals(RealIp, StringComparison.OrdinalIgnoreCase);

    /// <param name="client">The client address as access rules see it (through trusted proxies).</param>
    public static void AddForwarding(HttpContext context, IPAddress? client)
    {
        var request = context.Request;
        var headers = request.Headers;
        if (ClientAddressResolver.Peer(context) is { } peer)
        {
            headers[ForwardedFor] = StringValues.Concat(headers[ForwardedFor], peer.ToString());
        }
        SetIfAbsent(headers, ForwardedProto, request.Scheme);
        SetIfAbsent(headers, ForwardedHost, request.Host.Value);
        SetIfAbsent(headers, RealIp, client?.ToString());
    }

    private static void SetIfAbsent(IHeaderDictionary headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }
}
