using HomelabGate.Cluster.Etcd;
using HomelabGate.Core.State;
using HomelabGate.Status;

namespace HomelabGate.Daemon.Cluster;

/// <summary>The <c>cluster</c> part of the status: null for one node; else this replica's view of the leadership and
/// the replicas' last heartbeats (read from etcd in the background, so a status request never waits on etcd).</summary>
public sealed class ClusterStatusSource(ILeaderLock leadership, ReplicaRegistry? registry)
{
    public ClusterDocument? Capture()
    {
        if (!leadership.Shared)
        {
            return null;
        }
        var view = leadership.View;
        var replicas = registry?.Replicas ?? [];
        return new ClusterDocument(Role(view.Role), view.Replica, view.Leader, view.Degraded, view.Problem,
            [.. replicas.Select(r => new ReplicaDocument(r.Id, r.Id == view.Replica ? Role(view.Role) : r.Role, r.ContentHash, r.ManifestHash, r.Admin, r.StartedAt, r.SeenAt))]);
    }

    private static string Role(ReplicaRole role) => role == ReplicaRole.Leader ? "leader" : "follower";
}
