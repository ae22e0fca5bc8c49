using System.Net;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.Validation.Rules;
using HomelabGate.Proxy.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.Status;

/// <summary>Registers the status snapshot, its renderers (JSON and the HTML page) and the admin access policy.</summary>
public static class AdminStatusServices
{
    public static IServiceCollection AddAdminStatus(this IServiceCollection services, GatewaySettings settings)
    {
        services.AddSingleton<StatusSnapshotSource>();
        services.AddSingleton(sp => new Cluster.ClusterStatusSource(sp.GetRequiredService<Core.State.ILeaderLock>(), sp.GetService<HomelabGate.Cluster.Etcd.ReplicaRegistry>()));
        services.AddSingleton<StatusPageRenderer>();
        services.AddSingleton(sp => AccessPolicy(settings, sp.GetRequiredService<ISecretResolver>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<OwnConnections>()));
        return services;
    }

    /// <summary>The token is resolved once at start, like the listeners it guards (a changed token needs a restart).</summary>
    private static AdminAccessPolicy AccessPolicy(GatewaySettings settings, ISecretResolver secrets, ILoggerFactory loggers, OwnConnections own)
    {
        var logger = loggers.CreateLogger<AdminAccessPolicy>();
        var listen = ListenAddress.TryParse(settings.AdminListen, out var endpoint, out _) ? endpoint.Address : IPAddress.Loopback;
        var hosts = new AdminHostCheck(listen);
        if (!SecretReference.TryParse(settings.AdminToken, out var reference))
        {
            if (!IPAddress.IsLoopback(listen))
            {
                DaemonLog.AdminWithoutToken(logger, settings.AdminListen);
            }
            return new AdminAccessPolicy(null, tokenConfigured: false, hosts, own);
        }
        try
        {
            return new AdminAccessPolicy(secrets.Resolve(reference), tokenConfigured: true, hosts, own);
        }
        catch (SecretUnavailableException e)
        {
            DaemonLog.AdminTokenUnavailable(logger, reference.Expression, e.Message);
            return new AdminAccessPolicy(null, tokenConfigured: true, hosts, own);
        }
    }
}
