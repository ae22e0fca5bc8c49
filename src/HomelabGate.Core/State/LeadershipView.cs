namespace HomelabGate.Core.State;

/// <summary>This replica's view of the leadership: its id, its role, who leads (null: nobody known, e.g. without quorum),
/// and what is wrong with the store, if anything (<see cref="Problem"/> non-null means degraded).</summary>
public sealed record LeadershipView(ReplicaRole Role, string Replica, string? Leader, string? Problem = null)
{
    public bool Degraded => Problem is not null;
}

public enum ReplicaRole
{
    Leader,
    Follower,
}
