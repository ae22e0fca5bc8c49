using HomelabGate.Proxy.ErrorPages;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Access;

/// <summary>The answer to a refused request: 403, or 401 with a Basic challenge when a password could help; the body is
/// the host's page for it.</summary>
public sealed record AccessDenial(int Status, string? Challenge)
{
    public static AccessDenial Forbidden { get; } = new(StatusCodes.Status403Forbidden, null);

    public static AccessDenial Unauthorized(string challenge) => new(StatusCodes.Status401Unauthorized, challenge);

    public Task WriteAsync(HttpContext context, HostErrorPages pages)
    {
        if (Challenge is not null)
        {
            context.Response.Headers.WWWAuthenticate = Challenge;
        }
        return pages.WriteAsync(context, Status);
    }
}
