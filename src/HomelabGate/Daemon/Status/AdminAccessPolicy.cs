using System.Net;
using System.Security.Cryptography;
using System.Text;
using HomelabGate.Proxy.Outbound;
using HomelabGate.Proxy.Requests;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Daemon.Status;

/// <summary>Who may use the admin listener.
/// <list type="bullet">
/// <item>/healthz and /readyz are always open: container and load-balancer health checks cannot carry a token, and
/// the answers ("ok", "ready") reveal nothing.</item>
/// <item>The CA downloads are open too (handled before this policy): the root certificate is public by nature.</item>
/// <item>Everything else — the status page, the API, /metrics — needs <c>settings.adminToken</c> as a bearer token when
/// one is set, from any address and with any Host (a page cannot make a browser attach it). Without a token only a
/// local client gets in: a loopback peer that names the listener in Host (<see cref="AdminHostCheck"/>, against DNS
/// rebinding), and whose request was not relayed — neither by the gate itself (<see cref="OwnConnections"/>: a host
/// or stream pointing at the admin port) nor by any proxy that added forwarding headers.</item>
/// <item>A state-changing request must also pass <see cref="CrossSiteCheck"/>.</item>
/// </list>
/// A token reference that cannot be resolved (variable unset, file unreadable) fails closed: nobody gets in.</summary>
public sealed class AdminAccessPolicy
{
    private readonly byte[]? _tokenHash;
    private readonly bool _tokenConfigured;
    private readonly AdminHostCheck _hosts;
    private readonly OwnConnections _own;

    /// <param name="token">The resolved token, or null when <c>settings.adminToken</c> is not set.</param>
    /// <param name="tokenConfigured">Whether <c>settings.adminToken</c> is set (it may be set but unresolvable).</param>
    public AdminAccessPolicy(string? token, bool tokenConfigured, AdminHostCheck hosts, OwnConnections own)
    {
        _tokenHash = token is { Length: > 0 } ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;
        _tokenConfigured = tokenConfigured;
        _hosts = hosts;
        _own = own;
    }

    public static bool IsOpenPath(PathString path) => path == "/healthz" || path == "/readyz";

    /// <returns>Null when the request may go on.</returns>
    public AdminRefusal? Check(HttpContext context)
    {
        if (IsOpenPath(context.Request.Path))
        {
            return null;
        }
        var refusal = _tokenConfigured ? (BearerMatches(context) ? null : AdminRefusal.Unauthorized) : LocalOnly(context);
        return refusal ?? (CrossSiteCheck.Allows(context.Request) ? null : CrossSiteCheck.Refusal);
    }

    private AdminRefusal? LocalOnly(HttpContext context)
    {
        var connection = context.Connection;
        if (connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return AdminRefusal.Unauthorized;
        }
        if (!_hosts.Allows(context))
        {
            return new AdminRefusal(StatusCodes.Status421MisdirectedRequest,
                $"misdirected: the admin listener answers to Host {_hosts.Expected(context)}, not '{context.Request.Host.Host}' (a DNS-rebinding page would send that)");
        }
        if (_own.Contains(remote, connection.RemotePort))
        {
            return new AdminRefusal(StatusCodes.Status403Forbidden,
                "forbidden: this request was relayed by the gate itself (a host or stream forwards to the admin listener), so it is not local; use settings.adminToken");
        }
        foreach (var header in context.Request.Headers)
        {
            if (ClientHeaders.IsForwarding(header.Key))
            {
                return new AdminRefusal(StatusCodes.Status403Forbidden,
                    $"forbidden: a request with {header.Key} was relayed by a proxy, so it is not local; use settings.adminToken");
            }
        }
        return null;
    }

    private bool BearerMatches(HttpContext context)
    {
        if (_tokenHash is null)
        {
            return false;
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Hashes of equal length compared in constant time: neither how much of a guess was right nor the token's length leaks.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim())), _tokenHash);
    }
}
