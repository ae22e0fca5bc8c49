using Microsoft.Extensions.Logging;

namespace HomelabGate.Cluster.Etcd;

/// <summary>The leader lock's log lines (<see cref="EtcdLeaderLock"/>).</summary>
internal static partial class EtcdLeaderLockLog
{
    [LoggerMessage(60, LogLevel.Information, "Replica {Replica} leads the cluster (election revision {Revision})")]
    public static partial void Elected(ILogger logger, string replica, long revision);

    [LoggerMessage(61, LogLevel.Warning, "The lease {Lease} expired: this replica no longer leads")]
    public static partial void LeaseExpired(ILogger logger, long lease);

    [LoggerMessage(62, LogLevel.Information, "Replica {Replica} is now {Role}; the leader is {Leader}")]
    public static partial void Role(ILogger logger, string replica, string role, string leader);

    [LoggerMessage(63, LogLevel.Warning, "etcd: {Problem}")]
    public static partial void EtcdProblem(ILogger logger, string problem);
}
