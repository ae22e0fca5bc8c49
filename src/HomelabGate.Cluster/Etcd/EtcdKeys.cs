using System.Text;
using Google.Protobuf;

namespace HomelabGate.Cluster.Etcd;

/// <summary>Where this gate keeps things under its prefix: <c>state/&lt;key&gt;</c> (the state store), <c>election</c>
/// (the leader lock), <c>replicas/&lt;id&gt;</c> (each replica's heartbeat, under its lease) and <c>keycheck</c> (a value
/// sealed with the encryption key, so a replica with another key stops at start instead of overwriting).</summary>
public sealed record EtcdKeys(string Prefix)
{
    public string StatePrefix => $"{Prefix}/state/";

    public string Election => $"{Prefix}/election";

    public string ReplicasPrefix => $"{Prefix}/replicas/";

    public string KeyCheck => $"{Prefix}/keycheck";

    public string State(string key) => StatePrefix + key;

    public string Replica(string id) => ReplicasPrefix + id;

    public static ByteString Bytes(string key) => ByteString.CopyFromUtf8(key);

    /// <summary>The range end that covers every key starting with <paramref name="prefix"/> (etcd's prefix convention).</summary>
    public static ByteString RangeEnd(string prefix)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix);
        bytes[^1]++;
        return ByteString.CopyFrom(bytes);
    }
}
