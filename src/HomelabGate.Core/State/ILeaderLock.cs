namespace HomelabGate.Core.State;

/// <summary>The leader lock seam: who may perform side effects (ACME orders, local-CA signing, DNS writes) and write
/// the shared state. A state directory has one writer, the holder of <c>gate.lock</c> (<see cref="SoleLeaderLock"/>);
/// replicas sharing a store elect one (etcd's election API; a Kubernetes Lease later).</summary>
public interface ILeaderLock
{
    /// <summary>False for a state directory: no other replica exists, so there is nothing to follow or watch.</summary>
    bool Shared { get; }

    LeadershipView View { get; }

    /// <summary>A permit for side effects while this process leads, else null. A lock that campaigns on demand (a CLI
    /// command in a cluster) may wait for the leadership here, up to its bound.</summary>
    ValueTask<SideEffectPermit?> PermitAsync(CancellationToken cancellationToken);

    /// <summary>Raised when this replica's role or the leader changes.</summary>
    event Action? Changed;
}
