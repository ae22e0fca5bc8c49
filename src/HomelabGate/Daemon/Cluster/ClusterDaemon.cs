using HomelabGate.Cluster.Etcd;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.State;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Daemon.Cluster;

/// <summary>A replica's part in the cluster: loads the state from etcd and checks the encryption key (a clear error at
/// start, nothing written), joins the election, beats its heartbeat, and reconciles when another replica changed the
/// state (the leader stored a certificate: swap it in) or the leadership moved (the new leader takes over the side
/// effects at once).</summary>
public sealed class ClusterDaemon(EtcdStateStorage storage, EtcdLeaderLock leader, ReplicaRegistry registry, ReconcileLoop loop, DaemonStatus status,
    Proxy.ProxyReconciler proxy, BootSettings boot, TimeProvider time)
{
    /// <returns>False (with the reason written) when the cluster cannot be joined; true without a cluster.</returns>
    public static async Task<bool> TryStartAsync(IServiceProvider services, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (services.GetService<ClusterDaemon>() is { } cluster)
            {
                await cluster.StartAsync(cancellationToken);
            }
            return true;
        }
        catch (Exception e) when (e is StateStorageException or SecretUnavailableException)
        {
            error.WriteLine($"gate: cluster: {e.Message}");
            return false;
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.StartAsync(cancellationToken);
        await leader.StartAsync(cancellationToken);
        storage.Changed += _ => loop.Request("state changed by the leader");
        leader.Changed += () => loop.Request("leadership changed");
        registry.Start(() => new ReplicaRecord(leader.Replica, leader.View.Role.ToString().ToLowerInvariant(), proxy.Serving?.SharedContentHash(),
            status.ServingManifestHash, boot.AdminListen, status.StartedAt, time.GetUtcNow()));
    }
}
