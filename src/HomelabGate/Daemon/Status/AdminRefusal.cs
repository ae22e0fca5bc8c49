using Microsoft.AspNetCore.Http;

namespace HomelabGate.Daemon.Status;

/// <summary>Why the admin listener refuses a request: a status and one line saying what to do instead.</summary>
public sealed record AdminRefusal(int Status, string Reason)
{
    public static AdminRefusal Unauthorized { get; } =
        new(StatusCodes.Status401Unauthorized, "unauthorized: send settings.adminToken as 'Authorization: Bearer <token>'");

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        if (Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"homelabgate\"";
        }
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(Reason + "\n");
    }
}
