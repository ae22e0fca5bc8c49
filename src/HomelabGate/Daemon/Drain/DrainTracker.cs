using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace HomelabGate.Daemon.Drain;

/// <summary>What SIGTERM waits for. Kestrel's graceful stop waits for every open connection until the drain budget runs
/// out — an open WebSocket (a Home Assistant tab, a Proxmox console) would hold every stop for the full budget. So
/// ordinary requests in flight are counted, and upgraded ones (WebSockets over HTTP/1.1 and HTTP/2) are kept open while
/// those finish and closed as soon as they have: the slow download completes, the WebSocket client reconnects to the
/// next instance, and the daemon exits without waiting for nothing.</summary>
public sealed class DrainTracker
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentDictionary<HttpContext, byte> _upgraded = new();
    private int _inFlight;

    public DrainTracker(IHostApplicationLifetime lifetime, DaemonOptions options, TimeProvider time)
    {
        lifetime.ApplicationStopping.Register(() => _ = CloseUpgradedWhenRequestsFinishAsync(options.ShutdownTimeout, time));
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Called when a request starts; dispose the result when it ends.</summary>
    public Lease Begin(HttpContext context)
    {
        if (IsUpgrade(context))
        {
            _upgraded.TryAdd(context, 0);
            return new Lease(this, context);
        }
        Interlocked.Increment(ref _inFlight);
        return new Lease(this, null);
    }

    private void End(HttpContext? upgraded)
    {
        if (upgraded is null)
        {
            Interlocked.Decrement(ref _inFlight);
        }
        else
        {
            _upgraded.TryRemove(upgraded, out _);
        }
    }

    private static bool IsUpgrade(HttpContext context) =>
        context.Request.Headers.Upgrade.Count > 0 || context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;

    private async Task CloseUpgradedWhenRequestsFinishAsync(TimeSpan budget, TimeProvider time)
    {
        // Leave Kestrel a moment of the budget to close the connections itself.
        var deadline = time.GetUtcNow() + budget - TimeSpan.FromMilliseconds(500);
        while (InFlight > 0 && time.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, time).ConfigureAwait(false);
        }
        foreach (var context in _upgraded.Keys)
        {
            context.Abort();
        }
    }

    /// <summary>Ends one request's part in the drain; a struct, so counting costs no allocation per request.</summary>
    public readonly struct Lease(DrainTracker tracker, HttpContext? upgraded) : IDisposable
    {
        public void Dispose() => tracker.End(upgraded);
    }
}
