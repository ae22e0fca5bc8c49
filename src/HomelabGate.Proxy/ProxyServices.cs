using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.ForwardAuth;
using HomelabGate.Proxy.Health;
using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace HomelabGate.Proxy;

/// <summary>The proxy's services as the daemon serves them: our mapping and host behaviours on top of YARP (in-memory
/// configuration, our health policy and HTTP client factory) and ASP.NET's request timeouts. Shared by the daemon and
/// the tests that check a manifest is served, so the two cannot wire it differently.</summary>
public static class ProxyServices
{
    public static IServiceCollection AddGateProxy(this IServiceCollection services)
    {
        services.AddSingleton<ClusterMapper>();
        services.AddSingleton<AccessGateFactory>();
        services.AddSingleton<IPasswordVerifier, HashVerifier>();
        services.AddSingleton<HostBehaviorFactory>();
        services.AddSingleton<YarpConfigMapper>();
        services.AddSingleton<HostBehaviorTable>();
        services.AddSingleton<DefaultSiteHolder>();
        services.AddSingleton<DefaultSiteHandler>();
        services.AddSingleton<ForwardAuthClient>();
        services.AddSingleton<ProxyReconciler>();
        services.AddRequestTimeouts();
        services.AddSingleton<Outbound.OwnConnections>();
        services.AddSingleton<Streams.TcpStreamForwarder>();
        services.AddReverseProxy().LoadFromMemory([], []).AddTransformFactory<Requests.RawPathTransformFactory>();
        services.AddSingleton<IActiveHealthCheckPolicy, StatusRangeHealthPolicy>();
        services.AddSingleton<TargetFailures>();
        services.AddSingleton<IPassiveHealthCheckPolicy, ConsecutiveFailuresPolicy>();
        services.AddSingleton<Outbound.UpstreamTlsLog>();
        services.AddSingleton<Upgrades.UpgradedClusters>();
        services.AddSingleton<ErrorPages.ProxyFailurePages>();
        services.AddSingleton<IForwarderHttpClientFactory, UpstreamHttpClientFactory>();
        return services;
    }
}
