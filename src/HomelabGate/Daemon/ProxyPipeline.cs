using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using Microsoft.AspNetCore.Builder;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon;

/// <summary>YARP's per-request pipeline as the daemon runs it. A host pays only for what its pool uses: session
/// affinity and passive health run for clusters whose configuration turns them on (read from the cluster the request
/// matched, so a default that turns one on elsewhere is followed), and are skipped — no async state machine, no
/// allocation — for the rest.</summary>
public static class ProxyPipeline
{
    /// <summary>The key ASP.NET's WebApplication looks for before adding UseAuthorization on its own (it does so
    /// whenever authorization services are registered, as YARP's are). No route or endpoint of ours carries
    /// authorization metadata — access rules are HostPolicyMiddleware's — so the middleware would only cost an async
    /// state machine per request.</summary>
    private const string AuthorizationMiddlewareSet = "__AuthorizationMiddlewareSet";

    public static void SkipImplicitAuthorization(IApplicationBuilder app) => app.Properties[AuthorizationMiddlewareSet] = true;

    public static void Configure(IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<RequestTimeoutAnswer>();
        proxy.UseMiddleware<HostPolicyMiddleware>();
        proxy.UseWhen(UsesSessionAffinity, branch => new ProxyBranch(branch).UseSessionAffinity());
        proxy.UseLoadBalancing();
        proxy.UseWhen(UsesPassiveHealth, branch => new ProxyBranch(branch).UsePassiveHealthChecks());
    }

    internal static bool UsesSessionAffinity(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.GetReverseProxyFeature().Cluster?.Config.SessionAffinity?.Enabled == true;

    internal static bool UsesPassiveHealth(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.GetReverseProxyFeature().Cluster?.Config.HealthCheck?.Passive?.Enabled == true;
}
