using Grpc.Core;

namespace HomelabGate.Cluster.Etcd;

/// <summary>The background loop of an etcd client part (a watch, a lease, a heartbeat) and its one stop. A call in
/// flight when the loop stops ends as cancelled (an <see cref="RpcException"/> with <see cref="StatusCode.Cancelled"/>,
/// or an <see cref="OperationCanceledException"/>): that is what a stop looks like, so <see cref="StopAsync"/> does not
/// rethrow it (a short-lived <c>gate cert list</c> in a cluster once died of it after printing).</summary>
public sealed class BackgroundLoop
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _task;
    private int _stopped;

    /// <summary>Cancelled when the loop is asked to stop.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public bool IsStarted => _task is not null;

    public void Start(Func<CancellationToken, Task> loop)
    {
        var stopping = _stopping.Token;
        _task = Task.Run(() => loop(stopping), CancellationToken.None);
    }

    /// <returns>False when the loop was stopped before (a second dispose).</returns>
    public async Task<bool> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return false;
        }
        await _stopping.CancelAsync();
        if (_task is not null)
        {
            try
            {
                await _task;
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // The stop itself, not a failure.
            }
        }
        _stopping.Dispose();
        return true;
    }
}
