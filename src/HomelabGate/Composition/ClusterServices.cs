using HomelabGate.Cluster.Crypto;
using HomelabGate.Cluster.Etcd;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Composition;

/// <summary>The etcd implementations of the two seams (<see cref="IStateStorage"/>, <see cref="ILeaderLock"/>) for
/// <c>settings.cluster</c>, plus the replica registry. A daemon campaigns for as long as it runs; a CLI command campaigns
/// only when it is about to act, and waits at most one lease TTL (plus 2 s) for a leader that does not come back.</summary>
public static class ClusterServices
{
    /// <summary>Who this replica is: <c>$HOMELABGATE_REPLICA</c>, else the host name. Must differ between replicas.</summary>
    public const string ReplicaVariable = "HOMELABGATE_REPLICA";

    public static string ReplicaId(bool command) =>
        (Environment.GetEnvironmentVariable(ReplicaVariable) is { Length: > 0 } id ? id : Environment.MachineName)
        + (command ? $"-cli-{Environment.ProcessId}" : "");

    public static IServiceCollection AddGateCluster(this IServiceCollection services, ClusterSettings cluster, bool daemon)
    {
        services.AddSingleton(cluster);
        services.AddSingleton(new EtcdKeys(cluster.Prefix));
        services.AddSingleton(sp => new EtcdConnection(cluster, sp.GetRequiredService<ISecretResolver>()));
        services.AddSingleton(sp => new StateCipher(Key(cluster, sp.GetRequiredService<ISecretResolver>())));
        services.AddSingleton(sp => new EtcdLeaderLock(sp.GetRequiredService<EtcdConnection>(), sp.GetRequiredService<EtcdKeys>(), ReplicaId(!daemon),
            cluster.LeaseTtl, daemon ? null : cluster.LeaseTtl + TimeSpan.FromSeconds(2), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EtcdLeaderLock>>()));
        services.AddSingleton<ILeaderLock>(sp => sp.GetRequiredService<EtcdLeaderLock>());
        services.AddSingleton<EtcdStateStorage>();
        services.AddSingleton<IStateStorage>(sp => sp.GetRequiredService<EtcdStateStorage>());
        services.AddSingleton(sp => new ReplicaRegistry(sp.GetRequiredService<EtcdConnection>(), sp.GetRequiredService<EtcdKeys>(),
            sp.GetRequiredService<EtcdLeaderLock>(), cluster.LeaseTtl, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReplicaRegistry>>()));
        return services;
    }

    /// <summary>The key, or a clear error naming the field (validate reports the same, with the line).</summary>
    private static byte[] Key(ClusterSettings cluster, ISecretResolver secrets)
    {
        var text = secrets.Resolve(SecretReferences.Require(cluster.EncryptionKey, "settings.cluster.encryptionKey"));
        return EncryptionKey.TryDecode(text, out var key, out var problem)
            ? key
            : throw new StateStorageException($"settings.cluster.encryptionKey must be {EncryptionKey.Length} random bytes in base64: {problem}; {EncryptionKey.Hint}");
    }
}
