namespace HomelabGate.Core.State;

/// <summary>One node: the process that holds the state directory's <c>gate.lock</c> (<see cref="StateLock"/>, taken by
/// <c>gate run</c> for its lifetime and by <c>gate apply</c>) is the only writer, so it always leads.</summary>
public sealed class SoleLeaderLock : ILeaderLock
{
    public bool Shared => false;

    public LeadershipView View { get; } = new(ReplicaRole.Leader, Environment.MachineName, Environment.MachineName);

    public ValueTask<SideEffectPermit?> PermitAsync(CancellationToken cancellationToken) => ValueTask.FromResult<SideEffectPermit?>(SideEffectPermit.Sole);

    public event Action? Changed { add { } remove { } }
}
