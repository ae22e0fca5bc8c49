namespace HomelabGate.Core.State;

/// <summary>The right to perform side effects, handed out by the <see cref="ILeaderLock"/> and checked right before each
/// one (a DNS write, an issuance): a leader paused past its lease finds it invalid on waking, before it acts.
/// <see cref="Fence"/> is the fencing token (the election key's revision) that the shared store's writes compare.</summary>
public sealed class SideEffectPermit(long fence, Func<bool> holds)
{
    /// <summary>The sole writer of a state directory: valid for as long as it holds <c>gate.lock</c>, i.e. its lifetime.</summary>
    public static SideEffectPermit Sole { get; } = new(0, () => true);

    public long Fence { get; } = fence;

    public bool IsValid => holds();

    public void ThrowIfLost(string action)
    {
        if (!IsValid)
        {
            throw new LeadershipLostException($"not {action}: this replica lost the leadership (its lease ran out); the new leader does it");
        }
    }
}
