using System.Net;
using System.Threading.RateLimiting;
using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Access;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Limits;

/// <summary>One host's <c>rateLimit</c>: a fixed window per client IP (the address access lists see, so trusted proxies
/// are honoured). Built per reload, so a reload starts every window afresh. The partitioned limiter runs a
/// replenishment timer from the moment it exists, so it is created on the first request and disposed when its
/// configuration generation is dropped; a configuration that never served a request costs nothing.</summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly RateLimitPolicy _policy;
    private readonly Func<HttpContext, RateLimitPartition<IPAddress>> _partition;
    private PartitionedRateLimiter<HttpContext>? _limiter;
    private bool _disposed;

    public ClientRateLimiter(RateLimitPolicy policy, ClientAddressResolver clientAddress)
    {
        _policy = policy;
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = policy.Requests, Window = policy.Window, QueueLimit = 0, AutoReplenishment = true,
        };
        // Delegates made once here, so the request path allocates nothing to find its partition.
        Func<IPAddress, FixedWindowRateLimiterOptions> optionsFor = _ => options;
        _partition = context => RateLimitPartition.GetFixedWindowLimiter(clientAddress.Resolve(context) ?? IPAddress.None, optionsFor);
    }

    /// <returns>true when the request may go on; otherwise <paramref name="retryAfter"/> says when the window reopens.</returns>
    public bool TryAcquire(HttpContext context, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var limiter = Volatile.Read(ref _limiter) ?? Create();
        if (limiter is null)
        {
            // Disposed: this request matched a configuration two reloads old; the current one limits the next request.
            return true;
        }
        RateLimitLease lease;
        try
        {
            lease = limiter.AttemptAcquire(context);
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
        using (lease)
        {
            if (lease.IsAcquired)
            {
                return true;
            }
            retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _policy.Window;
            return false;
        }
    }

    private PartitionedRateLimiter<HttpContext>? Create()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }
            _limiter ??= PartitionedRateLimiter.Create(_partition);
            return _limiter;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _limiter?.Dispose();
            _limiter = null;
        }
    }
}
