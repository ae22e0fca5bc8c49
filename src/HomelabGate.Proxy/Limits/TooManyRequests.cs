using System.Globalization;
using HomelabGate.Proxy.ErrorPages;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Limits;

/// <summary>The 429 a rate-limited client gets, with Retry-After in whole seconds (rounded up, at least 1).</summary>
internal static class TooManyRequests
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, HostErrorPages pages)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return pages.WriteAsync(context, StatusCodes.Status429TooManyRequests);
    }
}
