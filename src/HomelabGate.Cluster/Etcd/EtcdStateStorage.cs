using System.Collections.Concurrent;
using System.Security.Cryptography;
using Etcdserverpb;
using Grpc.Core;
using HomelabGate.Cluster.Crypto;
using HomelabGate.Core.State;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Cluster.Etcd;

/// <summary>The state store in etcd. Every key under <c>state/</c> is loaded at start and then kept by a watch, so reads
/// are local and go on when etcd is lost (the last known certificates keep serving). Writes are one transaction,
/// fenced on the leader's election key: it succeeds only if that key still has the revision this replica was elected
/// with. Secrets are sealed with the encryption key (<see cref="StateCipher"/>); a key check stored beside the state
/// stops a replica with another key at start, before it writes anything.</summary>
public sealed partial class EtcdStateStorage(EtcdConnection etcd, EtcdKeys keys, StateCipher cipher, EtcdLeaderLock leader, TimeProvider time,
    ILogger<EtcdStateStorage> logger) : IStateStorage, IAsyncDisposable, IDisposable
{
    private const string KeyCheckText = "homelabgate key check";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);
    private readonly BackgroundLoop _watch = new();
    private long _revision;

    public event Action<IReadOnlyList<string>>? Changed;

    /// <summary>Loads the state and checks the encryption key (errors here stop the start, nothing written), then watches.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var check = await etcd.CallAsync((i, o) => new KV.KVClient(i).RangeAsync(new RangeRequest { Key = EtcdKeys.Bytes(keys.KeyCheck) }, o).ResponseAsync,
            CallTimeout, cancellationToken);
        if (check.Kvs.Count > 0)
        {
            try
            {
                cipher.Open(keys.KeyCheck, check.Kvs[0].Value.Span);
            }
            catch (CryptographicException)
            {
                throw new StateStorageException($"settings.cluster.encryptionKey is not the key the state under {keys.Prefix} was encrypted with; " +
                    "use the cluster's key (every replica needs the same one). Nothing was written.");
            }
        }
        await LoadAsync(cancellationToken);
        _watch.Start(WatchAsync);
    }

    public string Describe(string key) => $"etcd {keys.State(StateKeys.Check(key))}";

    public byte[]? Read(string key, bool secret = false)
    {
        if (!_values.TryGetValue(StateKeys.Check(key), out var stored))
        {
            return null;
        }
        try
        {
            return cipher.Open(keys.State(key), stored);
        }
        catch (CryptographicException e)
        {
            throw new StateStorageException($"{Describe(key)} cannot be decrypted with settings.cluster.encryptionKey ({e.Message})", e);
        }
    }

    public IReadOnlyList<string> List(string folder) =>
        [.. _values.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public async Task WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        if (leader.Fence() is not { } fence)
        {
            throw new LeadershipLostException($"not writing {string.Join(", ", writes.Select(w => w.Key))}: this replica does not lead the cluster");
        }
        var sealedValues = writes.ToDictionary(w => w.Key, w => w.Content is null ? null : cipher.Seal(keys.State(w.Key), w.Content, w.Secret));
        var request = new TxnRequest();
        request.Compare.Add(new Compare
        {
            Key = fence.Key, Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Equal, CreateRevision = fence.Revision,
        });
        foreach (var (key, value) in sealedValues)
        {
            request.Success.Add(value is null
                ? new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = EtcdKeys.Bytes(keys.State(key)) } }
                : new RequestOp { RequestPut = new PutRequest { Key = EtcdKeys.Bytes(keys.State(key)), Value = Google.Protobuf.ByteString.CopyFrom(value) } });
        }
        // The key check goes with every write, so whoever reads this state later can tell whether it has the right key.
        request.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = EtcdKeys.Bytes(keys.KeyCheck),
            Value = Google.Protobuf.ByteString.CopyFrom(cipher.Seal(keys.KeyCheck, System.Text.Encoding.UTF8.GetBytes(KeyCheckText), secret: true)) } });
        var response = await etcd.CallAsync((i, o) => new KV.KVClient(i).TxnAsync(request, o).ResponseAsync, CallTimeout, cancellationToken);
        if (!response.Succeeded)
        {
            leader.FenceFailed(fence.Revision);
            throw new LeadershipLostException($"not writing {string.Join(", ", writes.Select(w => w.Key))}: another replica leads the cluster now");
        }
        foreach (var (key, value) in sealedValues)
        {
            Apply(key, value);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var response = await etcd.CallAsync((i, o) => new KV.KVClient(i).RangeAsync(
            new RangeRequest { Key = EtcdKeys.Bytes(keys.StatePrefix), RangeEnd = EtcdKeys.RangeEnd(keys.StatePrefix) }, o).ResponseAsync, CallTimeout, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var kv in response.Kvs)
        {
            var key = kv.Key.ToStringUtf8()[keys.StatePrefix.Length..];
            seen.Add(key);
            if (Apply(key, kv.Value.ToByteArray()))
            {
                changed.Add(key);
            }
        }
        foreach (var gone in _values.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            Apply(gone, null);
            changed.Add(gone);
        }
        Interlocked.Exchange(ref _revision, response.Header.Revision);
        Announce(changed);
    }

    /// <summary>Follows every change after the load; after a broken stream (a member gone, no quorum, a compaction),
    /// loads everything again and announces what differs.</summary>
    private async Task WatchAsync(CancellationToken stopping)
    {
        var first = true;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!first)
                {
                    await LoadAsync(stopping);
                }
                first = false;
                await FollowAsync(stopping);
            }
            catch (Exception e) when (e is RpcException or StateStorageException or InvalidOperationException && !stopping.IsCancellationRequested)
            {
                LogWatchBroken(logger, e.Message);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task FollowAsync(CancellationToken stopping)
    {
        var (invoker, options, index) = await etcd.StreamAsync(stopping);
        try
        {
            using var call = new Watch.WatchClient(invoker).Watch(options);
            await call.RequestStream.WriteAsync(new WatchRequest { CreateRequest = new WatchCreateRequest
            {
                Key = EtcdKeys.Bytes(keys.StatePrefix), RangeEnd = EtcdKeys.RangeEnd(keys.StatePrefix), StartRevision = Interlocked.Read(ref _revision) + 1,
            } }, stopping);
            while (await call.ResponseStream.MoveNext(stopping))
            {
                var response = call.ResponseStream.Current;
                if (response.Canceled || response.CompactRevision > 0)
                {
                    return; // load again
                }
                var changed = new List<string>();
                foreach (var change in response.Events)
                {
                    var key = change.Kv.Key.ToStringUtf8()[keys.StatePrefix.Length..];
                    if (Apply(key, change.Type == Mvccpb.Event.Types.EventType.Delete ? null : change.Kv.Value.ToByteArray()))
                    {
                        changed.Add(key);
                    }
                }
                if (response.Header is { Revision: > 0 } header)
                {
                    Interlocked.Exchange(ref _revision, header.Revision);
                }
                Announce(changed);
            }
        }
        catch (RpcException e) when (EtcdConnection.IsTransient(e))
        {
            etcd.Rotate(index);
            throw;
        }
    }

    /// <returns>True when the value differs from what this replica had (its own writes come back equal).</returns>
    private bool Apply(string key, byte[]? value)
    {
        if (value is null)
        {
            return _values.TryRemove(key, out _);
        }
        var changed = !_values.TryGetValue(key, out var old) || !old.AsSpan().SequenceEqual(value);
        _values[key] = value;
        return changed;
    }

    private void Announce(List<string> changed)
    {
        if (changed.Count > 0)
        {
            Changed?.Invoke(changed);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync() => await _watch.StopAsync();

    [LoggerMessage(70, LogLevel.Warning, "etcd watch broken, reloading the state: {Problem}")]
    private static partial void LogWatchBroken(ILogger logger, string problem);
}
