using HomelabGate.Core.Desired;
using HomelabGate.Proxy.ForwardAuth;
using HomelabGate.Proxy.Limits;
using HomelabGate.Proxy.Requests;
using HomelabGate.Proxy.Upgrades;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Hosts;

/// <summary>Runs inside YARP's pipeline, after route matching and before load balancing: HTTPS redirect, rate limit,
/// access rules, forward auth, HSTS, the hosts that answer themselves (respond, redirect), a body over the host's limit,
/// upgraded connections' own pool settings, and compression for hosts that ask for it. One table lookup per request;
/// everything it reads was prepared at reload, the pages of the answers it gives included.</summary>
public sealed class HostPolicyMiddleware
{
    private readonly RequestDelegate _next;
    private readonly RequestDelegate _compressed;
    private readonly HostBehaviorTable _table;
    private readonly UpgradedClusters _upgrades;

    public HostPolicyMiddleware(RequestDelegate next, HostBehaviorTable table, IResponseCompressionProvider compression, UpgradedClusters upgrades)
    {
        _next = next;
        _table = table;
        _upgrades = upgrades;
        // ASP.NET's own compression middleware around the rest of YARP's pipeline, entered only for hosts with
        // compression: true. It skips answers the upstream already encoded, and content types not worth compressing.
        _compressed = new ResponseCompressionMiddleware(next, compression).Invoke;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        if (!_table.TryGet(routeId, out var behavior))
        {
            return _next(context);
        }
        var request = context.Request;
        if (behavior.Paths.Refusal(request.Path.Value ?? "/") is { } refusal)
        {
            return BadRequest.WriteAsync(context, refusal);
        }
        ClientHeaders.Scrub(context, behavior.ClientAddress.TrustsPeer(context));
        if (behavior.ForceHttpsPort is { } port && !request.IsHttps)
        {
            var authority = port == 443 ? request.Host.Host : $"{request.Host.Host}:{port}";
            return Redirect(context, $"https://{authority}{VerbatimPath.PathAndQuery(context)}",
                HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? StatusCodes.Status301MovedPermanently : StatusCodes.Status308PermanentRedirect);
        }
        // Before access rules and forward auth, so a flood costs neither bcrypt nor a round trip to the auth server.
        if (behavior.RateLimit is { } limit && !limit.TryAcquire(context, out var retryAfter))
        {
            return TooManyRequests.WriteAsync(context, retryAfter, behavior.Pages);
        }
        if (behavior.Access is { } access)
        {
            var check = access.CheckAsync(context);
            if (!check.IsCompletedSuccessfully)
            {
                return CheckThenContinueAsync(context, behavior, check);
            }
            if (check.Result is { } denial)
            {
                return denial.WriteAsync(context, behavior.Pages);
            }
        }
        return AfterAccess(context, behavior);
    }

    private async Task CheckThenContinueAsync(HttpContext context, HostBehavior behavior, ValueTask<Access.AccessDenial?> check)
    {
        if (await check is { } denial)
        {
            await denial.WriteAsync(context, behavior.Pages);
            return;
        }
        await AfterAccess(context, behavior);
    }

    private Task AfterAccess(HttpContext context, HostBehavior behavior)
    {
        if (behavior.Hsts is { } hsts && context.Request.IsHttps)
        {
            context.Response.Headers.StrictTransportSecurity = hsts;
        }
        return behavior.ForwardAuth is { } forwardAuth ? AuthorizeThenServeAsync(context, behavior, forwardAuth) : Serve(context, behavior);
    }

    private async Task AuthorizeThenServeAsync(HttpContext context, HostBehavior behavior, ForwardAuthGate forwardAuth)
    {
        if (await forwardAuth.AuthorizeAsync(context))
        {
            await Serve(context, behavior);
        }
    }

    private Task Serve(HttpContext context, HostBehavior behavior)
    {
        var request = context.Request;
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
            return Redirect(context, Target(redirect, context), redirect.Status);
        }
        // Refused before the upstream is asked when the client announced the size; a chunked body over the limit is cut
        // off by the server as it arrives (YARP's 413).
        if (behavior.MaxBodySize is { } limit && request.ContentLength > limit)
        {
            return behavior.Pages.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
        }
        if (UpgradedClusters.IsUpgrade(context))
        {
            _upgrades.Use(context);
        }
        ClientHeaders.AddForwarding(context, behavior.ClientAddress.Resolve(context));
        return behavior.Compress ? _compressed(context) : _next(context);
    }

    private static string Target(RedirectAction redirect, HttpContext context) =>
        redirect.PreservePath ? redirect.To + VerbatimPath.PathAndQuery(context) : redirect.To;

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
