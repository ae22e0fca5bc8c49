namespace HomelabGate.Cluster.Etcd;

/// <summary>What one replica says about itself under <c>replicas/&lt;id&gt;</c>, kept alive by its lease: its role, the
/// content it serves (<c>DesiredState.ContentHash</c>) and manifest, and where its admin API listens.</summary>
public sealed record ReplicaRecord(string Id, string Role, string? ContentHash, string? ManifestHash, string Admin, DateTimeOffset StartedAt, DateTimeOffset SeenAt);
