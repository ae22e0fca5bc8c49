using HomelabGate.Core.Desired;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Hosts;

/// <summary>Runs inside YARP's pipeline, after route matching and before load balancing: HTTPS redirect, access rules,
/// HSTS, and the hosts that answer themselves (respond, redirect).</summary>
public sealed class HostPolicyMiddleware(RequestDelegate next, HostBehaviorTable table)
{
    public Task InvokeAsync(HttpContext context)
    {
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        if (!table.TryGet(routeId, out var behavior))
        {
            return next(context);
        }
        var request = context.Request;
        if (behavior.ForceHttpsPort is { } port && !request.IsHttps)
        {
            var authority = port == 443 ? request.Host.Host : $"{request.Host.Host}:{port}";
            return Redirect(context, $"https://{authority}{request.PathBase}{request.Path}{request.QueryString}",
                HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? StatusCodes.Status301MovedPermanently : StatusCodes.Status308PermanentRedirect);
        }
        if (behavior.Access is { } access && access.Check(context) is { } denial)
        {
            return denial.WriteAsync(context);
        }
        if (behavior.Hsts is { } hsts && request.IsHttps)
        {
            context.Response.Headers.StrictTransportSecurity = hsts;
        }
        if (behavior.Respond is { } respond)
        {
            AddLocalHeaders(context, behavior);
            context.Response.StatusCode = respond.Status;
            context.Response.ContentType = respond.ContentType;
            context.Response.ContentLength = respond.Body.Length;
            return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(respond.Body).AsTask();
        }
        if (behavior.Redirect is { } redirect)
        {
            AddLocalHeaders(context, behavior);
            return Redirect(context, Target(redirect, request), redirect.Status);
        }
        return next(context);
    }

    private static string Target(RedirectAction redirect, HttpRequest request) =>
        redirect.PreservePath ? $"{redirect.To}{request.PathBase}{request.Path}{request.QueryString}" : redirect.To;

    private static Task Redirect(HttpContext context, string location, int status)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static void AddLocalHeaders(HttpContext context, HostBehavior behavior)
    {
        foreach (var header in behavior.LocalResponseHeaders)
        {
            context.Response.Headers[header.Name] = header.Value;
        }
    }
}
