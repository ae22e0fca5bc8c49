using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Daemon.Notifications;

/// <summary>Registers the notification monitor (a hosted service: it starts and stops with the daemon's web host) and
/// its webhook sender.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<NotificationMonitor>();
        return services;
    }
}
