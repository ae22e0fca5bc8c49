using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Access;

/// <summary>The answer to a refused request: 403, or 401 with a Basic challenge when a password could help.</summary>
public sealed record AccessDenial(int Status, string? Challenge)
{
    private static readonly byte[] ForbiddenBody = Encoding.UTF8.GetBytes("403 Forbidden\n");
    private static readonly byte[] UnauthorizedBody = Encoding.UTF8.GetBytes("401 Unauthorized\n");

    public static AccessDenial Forbidden { get; } = new(StatusCodes.Status403Forbidden, null);

    public static AccessDenial Unauthorized(string challenge) => new(StatusCodes.Status401Unauthorized, challenge);

    public Task WriteAsync(HttpContext context)
    {
        var body = Status == StatusCodes.Status403Forbidden ? ForbiddenBody : UnauthorizedBody;
        context.Response.StatusCode = Status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = body.Length;
        if (Challenge is not null)
        {
            context.Response.Headers.WWWAuthenticate = Challenge;
        }
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
