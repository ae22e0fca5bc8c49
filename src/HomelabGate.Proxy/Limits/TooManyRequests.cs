using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Limits;

/// <summary>The 429 a rate-limited client gets, with Retry-After in whole seconds (rounded up, at least 1).</summary>
internal static class TooManyRequests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("429 Too Many Requests\n");

    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body).AsTask();
    }
}
