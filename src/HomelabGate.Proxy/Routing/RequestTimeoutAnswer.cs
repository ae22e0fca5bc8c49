using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace HomelabGate.Proxy.Routing;

/// <summary>Answers 504 when a host's <c>timeout</c> cut the upstream request off. ASP.NET's request-timeouts middleware
/// enforces a route's timeout by cancelling <see cref="HttpContext.RequestAborted"/>, which YARP 2.3 takes for a client
/// that went away and answers 400 (dotnet/yarp#2662). Runs first in YARP's pipeline; a route without a timeout has no
/// <see cref="IHttpRequestTimeoutFeature"/> and costs one feature lookup. A WebSocket upgrade is exempt from the start:
/// the timeout bounds a request, not a connection that stays open by design — and an upgrade slower than the timeout
/// (a busy upstream) must not be answered 504.</summary>
public sealed class RequestTimeoutAnswer(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Features.Get<IHttpRequestTimeoutFeature>() is { } timeout ? InvokeWithTimeoutAsync(context, timeout) : next(context);

    private async Task InvokeWithTimeoutAsync(HttpContext context, IHttpRequestTimeoutFeature timeout)
    {
        if (context.Request.Headers.Upgrade.Count > 0 || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.IsExtendedConnect == true)
        {
            timeout.DisableTimeout();
            await next(context);
            return;
        }
        await next(context);
        // The token also fires when the client leaves; then nobody reads the status, so 504 is as good as 400.
        if (timeout.RequestTimeoutToken.IsCancellationRequested && !context.Response.HasStarted
            && context.GetForwarderErrorFeature()?.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
    }
}
