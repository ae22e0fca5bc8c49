using HomelabGate.Proxy.Hosts;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.ErrorPages;

/// <summary>Gives YARP's own failures a page: it answers 502 (the upstream could not be reached), 503 (no target is
/// up), 504 (no answer in time) and 413 (a body over the host's limit) with an empty body. Only an answer YARP made
/// itself (it leaves an <see cref="IForwarderErrorFeature"/>) that has not started is filled in: an upstream's own
/// error answer reaches the client as it is. Called by the outermost request wrapper once the pipeline returned, so a
/// proxied request that succeeded pays one status comparison.</summary>
public sealed class ProxyFailurePages(HostBehaviorTable hosts)
{
    public bool Applies(HttpContext context) =>
        !context.Response.HasStarted && HostErrorPages.Covers(context.Response.StatusCode) && context.Features.Get<IForwarderErrorFeature>() is not null;

    public Task WriteAsync(HttpContext context)
    {
        var route = context.Features.Get<IReverseProxyFeature>()?.Route.Config.RouteId;
        return route is not null && hosts.TryGet(route, out var behavior)
            ? behavior.Pages.WriteAsync(context, context.Response.StatusCode)
            : Task.CompletedTask;
    }
}
