using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Cluster.Etcd;

/// <summary>What replicas write to etcd about themselves, source-generated (no reflection: the published gate is Native AOT).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReplicaRecord))]
internal sealed partial class ClusterJson : JsonSerializerContext;
