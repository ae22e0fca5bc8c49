using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Tests.Proxy.Health;

/// <summary>Records what a health policy decides and applies it to the destination, as YARP's updater does; its
/// reactivation timer is YARP's to test, not ours.</summary>
internal sealed class RecordingUpdater : IDestinationHealthUpdater
{
    public Dictionary<string, DestinationHealth> Active { get; } = [];

    public List<(string Destination, DestinationHealth Health, TimeSpan Reactivation)> Passive { get; } = [];

    public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
    {
        foreach (var state in newHealthStates)
        {
            Active[state.Destination.DestinationId] = state.NewActiveHealth;
            state.Destination.Health.Active = state.NewActiveHealth;
        }
    }

    public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
    {
        if (destination.Health.Passive != newHealth)
        {
            Passive.Add((destination.DestinationId, newHealth, reactivationPeriod));
            destination.Health.Passive = newHealth;
        }
    }
}
