namespace HomelabGate.Status;

/// <summary><c>cluster</c> in /api/status (absent for one node): this replica's role and id, the leader's id, whether the
/// store is degraded (etcd lost: serving the last known state, no side effects), and every replica's heartbeat.</summary>
public sealed record ClusterDocument(string Role, string Replica, string? Leader, bool Degraded, string? Problem, IReadOnlyList<ReplicaDocument> Replicas)
{
    /// <summary>What this replica reported serving (null until its first heartbeat was read back).</summary>
    public string? ContentHash => Replicas.FirstOrDefault(r => r.Id == Replica)?.ContentHash;
}

/// <summary>One replica as it reported itself: what it serves (<c>contentHash</c> is <c>DesiredState.SharedContentHash</c>: the
/// served content without the node's own listen addresses, so replicas that bind different IPs still compare equal).</summary>
public sealed record ReplicaDocument(string Id, string Role, string? ContentHash, string? ManifestHash, string Admin, DateTimeOffset StartedAt, DateTimeOffset SeenAt);
