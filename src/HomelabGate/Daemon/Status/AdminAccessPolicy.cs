using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Daemon.Status;

/// <summary>Who may use the admin listener.
/// <list type="bullet">
/// <item>/healthz and /readyz are always open: container and load-balancer health checks cannot carry a token, and
/// the answers ("ok", "ready") reveal nothing.</item>
/// <item>The CA downloads are open too (handled before this policy): the root certificate is public by nature.</item>
/// <item>Everything else — the status page, the API, /metrics — needs <c>settings.adminToken</c> as a bearer token when
/// one is set, from any address. Without a token only loopback clients get in; a non-loopback client gets 401.</item>
/// </list>
/// A token reference that cannot be resolved (variable unset, file unreadable) fails closed: nobody gets in.</summary>
public sealed class AdminAccessPolicy
{
    private readonly byte[]? _tokenHash;
    private readonly bool _tokenConfigured;

    /// <param name="token">The resolved token, or null when <c>settings.adminToken</c> is not set.</param>
    /// <param name="tokenConfigured">Whether <c>settings.adminToken</c> is set (it may be set but unresolvable).</param>
    public AdminAccessPolicy(string? token, bool tokenConfigured)
    {
        _tokenHash = token is { Length: > 0 } ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;
        _tokenConfigured = tokenConfigured;
    }

    public static bool IsOpenPath(PathString path) => path == "/healthz" || path == "/readyz";

    public bool Allows(HttpContext context)
    {
        if (IsOpenPath(context.Request.Path))
        {
            return true;
        }
        if (!_tokenConfigured)
        {
            return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
        }
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

    /// <summary>401 with the challenge a client needs to know what to send.</summary>
    public static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"homelabgate\"";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("unauthorized: send settings.adminToken as 'Authorization: Bearer <token>'\n");
    }
}
