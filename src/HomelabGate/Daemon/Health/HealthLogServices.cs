using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Health;

namespace HomelabGate.Daemon.Health;

/// <summary>Puts our health lines in place of YARP's: its health policies and its health updater are wrapped (whatever
/// registered them), and its categories that log destination ids and a stack trace per failed probe or request are quieted.
/// Call after the reverse proxy and the health policies are registered.</summary>
public static class HealthLogServices
{
    public static IServiceCollection AddHealthLog(this IServiceCollection services)
    {
        services.AddSingleton<TargetProblems>();
        services.AddSingleton<UpstreamOwners>();
        Decorate<IActiveHealthCheckPolicy>(services, (sp, inner) => new ProbeProblemRecorder(inner, sp.GetRequiredService<TargetProblems>()));
        Decorate<IPassiveHealthCheckPolicy>(services, (sp, inner) => new RequestProblemRecorder(inner, sp.GetRequiredService<TargetProblems>()));
        Decorate<IDestinationHealthUpdater>(services, (sp, inner) => new HealthTransitionLog(inner, sp.GetRequiredService<TargetProblems>(),
            () => sp.GetRequiredService<UpstreamOwners>(), sp.GetRequiredService<ILogger<HealthTransitionLog>>()));
        services.Configure<LoggerFilterOptions>(options =>
        {
            options.AddFilter("Yarp.ReverseProxy.Health.ActiveHealthCheckMonitor", LogLevel.Error);
            options.AddFilter("Yarp.ReverseProxy.Health.DestinationHealthUpdater", LogLevel.Error);
            // A failed request is its access-log line, the target's last problem and, when it goes out of rotation, one
            // line above; YARP's own warning repeated a stack trace per request.
            options.AddFilter("Yarp.ReverseProxy.Forwarder.HttpForwarder", LogLevel.Error);
        });
        return services;
    }

    /// <summary>Replaces every singleton registration of <typeparamref name="T"/> with <paramref name="wrap"/> around it.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap) where T : class
    {
        foreach (var (descriptor, index) in services.Select((d, i) => (d, i)).Where(p => p.d.ServiceType == typeof(T)).ToList())
        {
            services[index] = ServiceDescriptor.Singleton<T>(sp => wrap(sp, Create<T>(sp, descriptor)));
        }
    }

    private static T Create<T>(IServiceProvider services, ServiceDescriptor descriptor) where T : class =>
        descriptor.ImplementationInstance as T
        ?? descriptor.ImplementationFactory?.Invoke(services) as T
        ?? (T)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
