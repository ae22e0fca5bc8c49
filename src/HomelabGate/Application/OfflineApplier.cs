using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;

namespace HomelabGate.Application;

/// <summary><c>gate apply</c> when no daemon runs: carries out the parts that live outside the daemon's process and
/// records the desired state as applied, so the next <c>gate run</c> serves it and the next plan starts from it.</summary>
public sealed class OfflineApplier(TimeProvider time)
{
    public Plan Apply(DesiredState desired, string manifestHash, StateStore store)
    {
        var current = store.LoadApplied()?.Desired ?? DesiredState.Empty;
        var plan = Planner.Plan(desired, current);
        store.SaveApplied(new AppliedState(desired, manifestHash, time.GetUtcNow()));
        return plan;
    }
}
