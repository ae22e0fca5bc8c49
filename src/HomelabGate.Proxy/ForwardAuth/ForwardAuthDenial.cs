using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.ForwardAuth;

/// <summary>Writes what the client gets when forward auth does not let a request through: the auth server's own answer
/// (its 302 to the login page, 401 challenge or 403, with Set-Cookie and body), or a 502 when it could not be asked.</summary>
internal static class ForwardAuthDenial
{
    private static readonly byte[] UnavailableBody =
        Encoding.UTF8.GetBytes("502 Bad Gateway: the authentication server for this site did not answer, so the request was not forwarded.\n");

    /// <summary>Per-connection headers belong to the hop to the auth server, not to ours.</summary>
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "Proxy-Authenticate", "TE", "Trailer",
    };

    public static async Task WriteAsync(HttpResponseMessage answer, HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await answer.Content.CopyToAsync(response.Body, context.RequestAborted);
        }
    }

    public static Task UnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status502BadGateway;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = UnavailableBody.Length;
        return response.Body.WriteAsync(UnavailableBody).AsTask();
    }
}
