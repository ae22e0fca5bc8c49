using Etcdserverpb;
using Grpc.Core;
using HomelabGate.Core.State;
using Microsoft.Extensions.Logging;
using V3Electionpb;

namespace HomelabGate.Cluster.Etcd;

/// <summary>The leader lock on etcd's election API. Each replica holds a lease (kept alive every TTL/3) and campaigns
/// with it; the elected one leads until its lease ends — a crash or a pause past the TTL lets the next campaigner in.
/// Leadership counts only while the last keep-alive answer is younger than the lease's TTL, measured on this process's
/// monotonic clock: a replica resumed after a pause sees its permit lapsed before it can act, and a degraded store (a
/// failed keep-alive or leader read) withholds the permit at once. The election key's create
/// revision is the fencing token every state write compares (<see cref="EtcdStateStorage"/>).</summary>
public sealed class EtcdLeaderLock(EtcdConnection etcd, EtcdKeys keys, string replica, TimeSpan ttl, TimeSpan? campaignOnDemand,
    TimeProvider time, ILogger<EtcdLeaderLock> logger) : ILeaderLock, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private readonly BackgroundLoop _loop = new();
    private readonly Lock _gate = new();
    private long _lease;
    private LeaderKey? _leaderKey;
    private long _validUntil;
    private string? _leader;
    private string? _problem;
    private LeadershipView? _published;

    public bool Shared => true;

    public string Replica => replica;

    /// <summary>The lease this replica's keys (heartbeat, campaign) live under; 0 before one is granted.</summary>
    public long Lease => Interlocked.Read(ref _lease);

    public event Action? Changed;

    public LeadershipView View
    {
        get
        {
            lock (_gate)
            {
                return new LeadershipView(LeadsNow() ? ReplicaRole.Leader : ReplicaRole.Follower, replica, _leader, _problem);
            }
        }
    }

    /// <summary>Grants the lease (a clear error here when etcd cannot be reached or refuses us) and starts keeping it and
    /// campaigning in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await GrantAsync(cancellationToken);
        _loop.Start(RunAsync);
    }

    public async ValueTask<SideEffectPermit?> PermitAsync(CancellationToken cancellationToken)
    {
        if (campaignOnDemand is { } wait && !_loop.IsStarted)
        {
            await StartAsync(cancellationToken);
            var deadline = time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency);
            while (!LeadsNowLocked() && time.GetTimestamp() < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        lock (_gate)
        {
            if (_leaderKey is not { } key || !MayAct())
            {
                return null;
            }
            return new SideEffectPermit(key.Rev, () => HoldsFence(key.Rev));
        }
    }

    /// <summary>The election key and its revision while this replica leads, for fenced writes; else null.</summary>
    public (Google.Protobuf.ByteString Key, long Revision)? Fence()
    {
        lock (_gate)
        {
            return _leaderKey is { } key && LeadsNow() ? (key.Key, key.Rev) : null;
        }
    }

    /// <summary>A fenced write found another leader: this replica no longer leads.</summary>
    public void FenceFailed(long revision)
    {
        lock (_gate)
        {
            if (_leaderKey?.Rev == revision)
            {
                _leaderKey = null;
            }
        }
        Publish();
    }

    private bool HoldsFence(long revision)
    {
        lock (_gate)
        {
            return _leaderKey?.Rev == revision && MayAct();
        }
    }

    /// <summary>Leads, and the store answered the last round: a leader whose keep-alive failed still holds the lease
    /// until it ends, but etcd may have lost quorum; a DNS write or an order then would break the promise the status
    /// page makes while degraded (no side effects). Side effects resume with the next answered keep-alive.</summary>
    private bool MayAct() => LeadsNow() && _problem is null;

    private bool LeadsNowLocked()
    {
        lock (_gate)
        {
            return LeadsNow();
        }
    }

    private bool LeadsNow() => _leaderKey is not null && time.GetTimestamp() < Interlocked.Read(ref _validUntil);

    private async Task RunAsync(CancellationToken stopping)
    {
        var campaign = Task.CompletedTask;
        var interval = ttl / 3;
        while (!stopping.IsCancellationRequested)
        {
            if (Lease == 0)
            {
                await TryAsync(() => GrantAsync(stopping));
            }
            if (campaign.IsCompleted && Lease != 0 && _leaderKey is null)
            {
                campaign = CampaignAsync(Lease, stopping);
            }
            await TryAsync(() => KeepAliveAsync(stopping));
            await TryAsync(() => ObserveLeaderAsync(stopping));
            Publish();
            try
            {
                await Task.Delay(interval, time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task GrantAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var response = await etcd.CallAsync((invoker, options) => new Lease.LeaseClient(invoker).LeaseGrantAsync(
            new LeaseGrantRequest { TTL = (long)Math.Ceiling(ttl.TotalSeconds) }, options).ResponseAsync, CallTimeout, cancellationToken);
        Interlocked.Exchange(ref _validUntil, started + response.TTL * time.TimestampFrequency);
        Interlocked.Exchange(ref _lease, response.ID);
    }

    /// <summary>Blocks in etcd until this lease's key is the oldest in the election; then this replica leads.</summary>
    private async Task CampaignAsync(long lease, CancellationToken stopping)
    {
        try
        {
            var (invoker, options, index) = await etcd.StreamAsync(stopping);
            try
            {
                var response = await new Election.ElectionClient(invoker).CampaignAsync(
                    new CampaignRequest { Name = EtcdKeys.Bytes(keys.Election), Lease = lease, Value = EtcdKeys.Bytes(replica) }, options);
                lock (_gate)
                {
                    _leaderKey = Lease == lease ? response.Leader : null;
                    _leader = replica;
                }
                EtcdLeaderLockLog.Elected(logger, replica, response.Leader.Rev);
                Publish();
            }
            catch (RpcException e) when (EtcdConnection.IsTransient(e))
            {
                etcd.Rotate(index);
            }
        }
        catch (Exception e) when (e is RpcException or StateStorageException && !stopping.IsCancellationRequested)
        {
            EtcdLeaderLockLog.EtcdProblem(logger, e.Message);
        }
    }

    private async Task KeepAliveAsync(CancellationToken stopping)
    {
        var lease = Lease;
        var started = time.GetTimestamp();
        var (invoker, options, index) = await etcd.StreamAsync(stopping, CallTimeout);
        try
        {
            using var call = new Lease.LeaseClient(invoker).LeaseKeepAlive(options);
            await call.RequestStream.WriteAsync(new LeaseKeepAliveRequest { ID = lease }, stopping);
            await call.RequestStream.CompleteAsync();
            if (!await call.ResponseStream.MoveNext(stopping))
            {
                throw new EtcdUnavailableException("the keep-alive stream closed without an answer");
            }
            var answer = call.ResponseStream.Current;
            lock (_gate)
            {
                _problem = null;
                if (answer.TTL <= 0)
                {
                    // The lease ran out (a pause, or etcd was unreachable past the TTL): its keys are gone, so is the lead.
                    EtcdLeaderLockLog.LeaseExpired(logger, lease);
                    _leaderKey = null;
                    Interlocked.CompareExchange(ref _lease, 0, lease);
                    return;
                }
                Interlocked.Exchange(ref _validUntil, started + answer.TTL * time.TimestampFrequency);
            }
        }
        catch (RpcException e) when (EtcdConnection.IsTransient(e))
        {
            etcd.Rotate(index);
            throw new EtcdUnavailableException($"etcd did not renew the lease: {e.Status.Detail}", e);
        }
    }

    private async Task ObserveLeaderAsync(CancellationToken stopping)
    {
        string? leader = null;
        Google.Protobuf.ByteString? leaderKey = null;
        try
        {
            var response = await etcd.CallAsync((invoker, options) => new Election.ElectionClient(invoker).LeaderAsync(
                new LeaderRequest { Name = EtcdKeys.Bytes(keys.Election) }, options).ResponseAsync, CallTimeout, stopping);
            leader = response.Kv?.Value.ToStringUtf8();
            leaderKey = response.Kv?.Key;
        }
        catch (RpcException e) when (e.Status.Detail.Contains("no leader", StringComparison.Ordinal))
        {
        }
        lock (_gate)
        {
            _leader = leader;
            if (_leaderKey is { } mine && leaderKey is not null && !leaderKey.Equals(mine.Key))
            {
                _leaderKey = null;
            }
        }
    }

    private async Task TryAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is StateStorageException or RpcException && !_loop.IsStopping)
        {
            lock (_gate)
            {
                _problem ??= $"etcd is unreachable or without quorum since {time.GetUtcNow():u}: {e.Message}";
            }
        }
    }

    private void Publish()
    {
        var view = View;
        if (view == _published)
        {
            return;
        }
        var before = _published;
        _published = view;
        if (before?.Role != view.Role)
        {
            EtcdLeaderLockLog.Role(logger, replica, view.Role.ToString().ToLowerInvariant(), view.Leader ?? "(none)");
        }
        Changed?.Invoke();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (!await _loop.StopAsync())
        {
            return;
        }
        var lease = Lease;
        if (lease != 0)
        {
            // A clean stop hands over at once instead of after the TTL.
            try
            {
                await etcd.CallAsync((invoker, options) => new Lease.LeaseClient(invoker).LeaseRevokeAsync(new LeaseRevokeRequest { ID = lease }, options).ResponseAsync,
                    CallTimeout, CancellationToken.None);
            }
            catch (Exception e) when (e is StateStorageException or RpcException)
            {
                EtcdLeaderLockLog.EtcdProblem(logger, e.Message);
            }
        }
    }
}
