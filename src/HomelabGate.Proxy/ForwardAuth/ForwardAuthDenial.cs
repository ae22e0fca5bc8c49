using HomelabGate.Proxy.ErrorPages;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.ForwardAuth;

/// <summary>Writes what the client gets when forward auth does not let a request through: the auth server's own answer
/// (its 302 to the login page, 401 challenge or 403, with Set-Cookie and body), or a 502 when it could not be asked.</summary>
internal static class ForwardAuthDenial
{
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

    /// <summary>The host's 502 page: the request was not forwarded because nobody could say whether it may be.</summary>
    public static Task UnavailableAsync(HttpContext context, HostErrorPages pages) => pages.WriteSignInUnavailableAsync(context);
}
