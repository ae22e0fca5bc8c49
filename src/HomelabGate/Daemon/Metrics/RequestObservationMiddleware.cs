using HomelabGate.Daemon.AccessLog;
using HomelabGate.Daemon.Drain;
using HomelabGate.Proxy.ErrorPages;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Metrics;

/// <summary>Wraps every request on the proxy listeners (proxied, answered by a host itself, or by the default site;
/// never the admin listener, which branches off before it): counts it and writes its access log line once the
/// response is decided; and tells the drain on SIGTERM what is still in flight. Being the one wrapper that awaits
/// every request, it also gives YARP's own failures their page (<see cref="ProxyFailurePages"/>): a request that
/// succeeded pays one status comparison for it.</summary>
public sealed class RequestObservationMiddleware(RequestDelegate next, RequestMetrics metrics, AccessLogWriter accessLog, DrainTracker drain,
    TimeProvider time, ProxyFailurePages failurePages)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var inFlight = drain.Begin(context);
        var started = time.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
            if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && failurePages.Applies(context))
            {
                await failurePages.WriteAsync(context);
            }
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // An exception before the response started becomes a 500 from Kestrel; count what the client gets.
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var proxied = context.Features.Get<IReverseProxyFeature>();
            metrics.Count(proxied?.Route, status);
            accessLog.Write(context, proxied, time.GetElapsedTime(started), status);
        }
    }
}
