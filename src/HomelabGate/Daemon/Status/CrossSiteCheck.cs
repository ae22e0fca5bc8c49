using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HomelabGate.Daemon.Status;

/// <summary>CSRF defence for the admin API's state-changing requests (POST /api/reconcile, any method but GET, HEAD and
/// OPTIONS): a browser sends a cross-origin request without a preflight only when it is "simple" — no custom header, a
/// form or text/plain body. So a request must carry <see cref="HeaderName"/> or a JSON content type (both force a
/// preflight, which the admin listener never grants), or an Origin that is the listener's own.</summary>
public static class CrossSiteCheck
{
    /// <summary>What <c>gate apply</c> sends; any non-empty value will do.</summary>
    public const string HeaderName = "X-HomelabGate";

    public static AdminRefusal Refusal { get; } = new(StatusCodes.Status403Forbidden,
        $"forbidden: a state-changing request needs the header '{HeaderName}: 1' (cross-site requests are refused)");

    public static bool Allows(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }
        if (!string.IsNullOrEmpty(request.Headers[HeaderName]))
        {
            return true;
        }
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && request.Host.HasValue && origin.Equals($"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
