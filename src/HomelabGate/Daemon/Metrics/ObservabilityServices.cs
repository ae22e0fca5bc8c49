using HomelabGate.Core.Desired;
using HomelabGate.Daemon.AccessLog;
using HomelabGate.Daemon.Status;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Daemon.Metrics;

/// <summary>Registers the admin status surface (<see cref="AdminStatusServices"/>), the metrics and the access log.
/// The metrics registry is the daemon's own instance (prometheus-net's static default registry is never touched), so
/// two hosts in one process — as in tests — count separately.</summary>
public static class ObservabilityServices
{
    public static IServiceCollection AddObservability(this IServiceCollection services, GatewaySettings settings)
    {
        services.AddAdminStatus(settings);
        services.AddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<ReconcileMetrics>();
        services.AddSingleton<StateGauges>();
        services.AddSingleton<MetricsEndpoint>();
        services.AddSingleton<AccessLogWriter>();
        return services;
    }
}
