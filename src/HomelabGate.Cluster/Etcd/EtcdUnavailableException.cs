namespace HomelabGate.Cluster.Etcd;

/// <summary>No etcd member answered (all unreachable, or none with quorum).</summary>
public sealed class EtcdUnavailableException(string message, Exception? inner = null) : Core.State.StateStorageException(message, inner);
