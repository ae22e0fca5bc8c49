using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Health;

/// <summary>Whether YARP sends a destination traffic: not when either verdict (active probes, failed requests) says it is
/// unhealthy — the rule of its default available-destinations policy.</summary>
public static class TargetVerdict
{
    public static bool IsDown(DestinationHealthState health) =>
        health.Active == DestinationHealth.Unhealthy || health.Passive == DestinationHealth.Unhealthy;
}
