using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HomelabGate.Proxy.Requests;

/// <summary>Refuses, before routing and on every listener, requests whose shape nginx refuses too:
/// <list type="bullet">
/// <item>Content-Length together with Transfer-Encoding (400, connection closed; nginx ≥ 1.21.1): the two disagree on
/// where the body ends, the classic request-smuggling set-up. Kestrel reads such a body as chunked and hands the
/// Content-Length on renamed to X-Content-Length; that rename is how it is recognised (a client's own
/// X-Content-Length beside chunked encoding is refused too — no real client sends that).</item>
/// <item>Transfer-Encoding other than exactly "chunked" (400): "gzip, chunked" would reach the upstream with the gzip
/// coding silently dropped, "chunked, chunked" is decoded once where it says twice.</item>
/// <item>CONNECT (405; YARP cannot forward it and answered 502) — except HTTP/2's extended CONNECT of a WebSocket —
/// and TRACE (405, cross-site tracing).</item>
/// </list></summary>
public sealed class RequestShapeGuard(RequestDelegate next)
{
    private const string RenamedContentLength = "X-Content-Length";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers;
        if (headers.TransferEncoding.Count > 0)
        {
            if (headers.ContentLength is not null || headers.ContainsKey(RenamedContentLength))
            {
                return BadRequest.WriteAsync(context, "Content-Length together with Transfer-Encoding (the two disagree on where the body ends)", closeConnection: true);
            }
            if (!IsChunkedOnly(headers.TransferEncoding.ToString()))
            {
                return BadRequest.WriteAsync(context, "Transfer-Encoding other than a single 'chunked' is not supported", closeConnection: true);
            }
        }
        var method = request.Method;
        if ((HttpMethods.IsConnect(method) && context.Features.Get<IHttpExtendedConnectFeature>() is not { IsExtendedConnect: true }) || HttpMethods.IsTrace(method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool IsChunkedOnly(string value) => value.Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase);
}
