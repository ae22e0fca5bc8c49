using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Daemon;
using HomelabGate.Daemon.Health;
using HomelabGate.Daemon.Notifications;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Daemon.Status;
using HomelabGate.Proxy;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using HomelabGate.Proxy.Tls;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HomelabGate.Composition;

/// <summary>What only the daemon has, on top of <see cref="GateServices"/>: the live proxy (YARP, host behaviours, the SNI
/// map) in place of the recorded one, the reconcile loop, and the admin listener's endpoints.</summary>
public static class DaemonServices
{
    public static IServiceCollection AddGateDaemon(this IServiceCollection services, GatePaths paths, GatewaySettings settings, string stateDir,
        DaemonOptions options, SniSelector sni)
    {
        services.AddSingleton(paths);
        services.AddSingleton(options);
        services.AddSingleton(BootSettings.From(settings, stateDir));
        services.AddSingleton<DaemonStatus>();
        services.AddSingleton(sni);
        services.Replace(ServiceDescriptor.Singleton<IProxySystem, LiveProxySystem>());
        services.AddSingleton<ReconcileLoop>();
        services.AddSingleton<Daemon.Drain.DrainTracker>();
        if (settings.Cluster is not null)
        {
            services.AddSingleton<Daemon.Cluster.ClusterDaemon>();
        }
        // The proxy's parts are one registration, shared with the tests that check what validates is served.
        services.AddGateProxy();
        services.AddResponseCompression(Proxy.Compression.HostCompression.Configure);
        services.AddObservability(settings);
        services.AddSingleton<StatusDocuments>();
        services.TryAddSingleton<Certificates.Export.RootExporter>();
        services.TryAddSingleton<Certificates.Export.MobileConfigWriter>();
        services.AddSingleton<CaDownloadEndpoints>();
        services.AddSingleton<AdminEndpoints>();
        // Sticky-session cookies are protected with these keys; keeping them in the state dir keeps sessions across restarts.
        Core.State.PrivateDirectory.Create(Path.Combine(stateDir, "keys"));
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(stateDir, "keys"))).SetApplicationName("homelabgate");
        services.AddHealthLog();
        services.AddNotifications();
        return services;
    }
}
