namespace HomelabGate.Cluster.Etcd;

/// <summary>etcd refused the credentials (user and password, or the client certificate): a configuration error.</summary>
public sealed class EtcdAuthException(string message, Exception? inner = null) : Core.State.StateStorageException(message, inner);
