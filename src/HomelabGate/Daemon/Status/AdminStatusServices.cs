using System.Net;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.Validation.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.Status;

/// <summary>Registers the status snapshot, its renderers (JSON and the HTML page) and the admin access policy.</summary>
public static class AdminStatusServices
{
    public static IServiceCollection AddAdminStatus(this IServiceCollection services, GatewaySettings settings)
    {
        services.AddSingleton<StatusSnapshotSource>();
        services.AddSingleton<StatusPageRenderer>();
        services.AddSingleton(sp => AccessPolicy(settings, sp.GetRequiredService<ISecretResolver>(), sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    /// <summary>The token is resolved once at start, like the listeners it guards (a changed token needs a restart).</summary>
    private static AdminAccessPolicy AccessPolicy(GatewaySettings settings, ISecretResolver secrets, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<AdminAccessPolicy>();
        if (!SecretReference.TryParse(settings.AdminToken, out var reference))
        {
            if (ListenAddress.TryParse(settings.AdminListen, out var endpoint, out _) && !IPAddress.IsLoopback(endpoint.Address))
            {
                DaemonLog.AdminWithoutToken(logger, settings.AdminListen);
            }
            return new AdminAccessPolicy(null, tokenConfigured: false);
        }
        try
        {
            return new AdminAccessPolicy(secrets.Resolve(reference), tokenConfigured: true);
        }
        catch (SecretUnavailableException e)
        {
            DaemonLog.AdminTokenUnavailable(logger, reference.Expression, e.Message);
            return new AdminAccessPolicy(null, tokenConfigured: true);
        }
    }
}
