using System.Text.Json;
using Etcdserverpb;
using HomelabGate.Core.State;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Cluster.Etcd;

/// <summary>Every replica's heartbeat: each writes its own record under its lease (so a dead replica's record vanishes
/// with its lease) every TTL/3 and reads everyone's, which <c>/api/status</c> and the status page list.</summary>
public sealed partial class ReplicaRegistry(EtcdConnection etcd, EtcdKeys keys, EtcdLeaderLock leader, TimeSpan ttl, TimeProvider time,
    ILogger<ReplicaRegistry> logger) : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private readonly BackgroundLoop _loop = new();
    private Func<ReplicaRecord>? _self;
    private IReadOnlyList<ReplicaRecord> _replicas = [];

    /// <summary>The replicas as last read (this one included once it has written its record).</summary>
    public IReadOnlyList<ReplicaRecord> Replicas => Volatile.Read(ref _replicas);

    public void Start(Func<ReplicaRecord> self)
    {
        _self = self;
        _loop.Start(RunAsync);
    }

    /// <summary>Writes this replica's record now (after a change of what it serves), besides the regular beat.</summary>
    public Task BeatAsync(CancellationToken cancellationToken) => _self is null ? Task.CompletedTask : WriteAsync(_self(), cancellationToken);

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await WriteAsync(_self!(), stopping);
                await ReadAsync(stopping);
            }
            catch (Exception e) when (e is StateStorageException or Grpc.Core.RpcException && !stopping.IsCancellationRequested)
            {
                LogBeatFailed(logger, e.Message);
            }
            try
            {
                await Task.Delay(ttl / 3, time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task WriteAsync(ReplicaRecord record, CancellationToken cancellationToken)
    {
        if (leader.Lease == 0)
        {
            return;
        }
        var put = new PutRequest { Key = EtcdKeys.Bytes(keys.Replica(record.Id)), Lease = leader.Lease,
            Value = Google.Protobuf.ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(record with { SeenAt = time.GetUtcNow() }, ClusterJson.Default.ReplicaRecord)) };
        await etcd.CallAsync((i, o) => new KV.KVClient(i).PutAsync(put, o).ResponseAsync, CallTimeout, cancellationToken);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var response = await etcd.CallAsync((i, o) => new KV.KVClient(i).RangeAsync(
            new RangeRequest { Key = EtcdKeys.Bytes(keys.ReplicasPrefix), RangeEnd = EtcdKeys.RangeEnd(keys.ReplicasPrefix) }, o).ResponseAsync, CallTimeout, cancellationToken);
        var replicas = new List<ReplicaRecord>();
        foreach (var kv in response.Kvs)
        {
            try
            {
                if (JsonSerializer.Deserialize(kv.Value.Span, ClusterJson.Default.ReplicaRecord) is { } record)
                {
                    replicas.Add(record);
                }
            }
            catch (JsonException)
            {
                // A record from another version: skipped, not fatal.
            }
        }
        Volatile.Write(ref _replicas, [.. replicas.OrderBy(r => r.Id, StringComparer.Ordinal)]);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync() => await _loop.StopAsync();

    [LoggerMessage(80, LogLevel.Debug, "replica heartbeat: {Problem}")]
    private static partial void LogBeatFailed(ILogger logger, string problem);
}
