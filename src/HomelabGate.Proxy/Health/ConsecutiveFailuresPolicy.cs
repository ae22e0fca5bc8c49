using HomelabGate.Core.Desired;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Health;

/// <summary>Passive health for every pool (nginx's max_fails): a target whose requests fail <c>consecutiveFailures</c>
/// times in a row is marked unhealthy for <c>reactivation</c>, then tried again, and healthy again at its first success.
/// A failure is one the target is to blame for (<see cref="Blames(HttpContext)"/>). The success path reads two fields
/// and writes nothing unless the target was failing.</summary>
public sealed class ConsecutiveFailuresPolicy(IDestinationHealthUpdater updater, TargetFailures failures) : IPassiveHealthCheckPolicy
{
    public string Name => HealthMetadata.PassivePolicy;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is not null && !Blames(error.Error))
        {
            return;
        }
        var record = failures.For(cluster, destination);
        if (Blames(context))
        {
            var threshold = HealthMetadata.Read(cluster.Model.Config.Metadata, HealthMetadata.ConsecutiveFailures, PassiveHealthCheck.Default.ConsecutiveFailures);
            if (record.Failed(threshold) >= threshold)
            {
                updater.SetPassive(cluster, destination, DestinationHealth.Unhealthy, Reactivation(cluster));
            }
            return;
        }
        if (!record.Clean)
        {
            record.Succeeded();
        }
        if (destination.Health.Passive != DestinationHealth.Healthy)
        {
            updater.SetPassive(cluster, destination, DestinationHealth.Healthy, Reactivation(cluster));
        }
    }

    /// <summary>Whether a proxied request failed by the target's fault: it could not be reached, its certificate was
    /// refused, it did not answer in time or broke off, or it answered 502, 503 or 504. A client that went away (or was
    /// too slow to send) counts neither way.</summary>
    public static bool Blames(HttpContext context) => context.Features.Get<IForwarderErrorFeature>() is { } error
        ? Blames(error.Error)
        : context.Response.StatusCode is >= 502 and <= 504;

    private static bool Blames(ForwarderError error) => error is ForwarderError.Request or ForwarderError.RequestTimedOut
        or ForwarderError.ResponseHeaders or ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination;

    private static TimeSpan Reactivation(ClusterState cluster) =>
        cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? PassiveHealthCheck.Default.Reactivation;
}
