using HomelabGate.Daemon.Status;
using HomelabGate.Proxy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.Notifications;

/// <summary>Looks at the daemon's status every few seconds (a quarter of <c>targetDownAfter</c>, between 250 ms and
/// 5 s) and hands what is worth telling to the <see cref="WebhookSender"/>. It reads the same snapshot as the status
/// page, apart from the reconcile loop, so a slow webhook or a slow check never delays a reconcile. The settings are
/// those being served: a manifest that is rejected is reported through the last good one's webhook.</summary>
public sealed class NotificationMonitor(StatusSnapshotSource snapshots, ProxyReconciler proxy, WebhookSender sender, TimeProvider time,
    ILogger<NotificationMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    private readonly AlertTracker _tracker = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sending = sender.RunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = proxy.Serving?.Settings.Notifications;
            if (settings is not null)
            {
                Check(settings);
            }
            try
            {
                await Task.Delay(Interval(settings?.TargetDownAfter), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Check(Core.Desired.NotificationSettings settings)
    {
        try
        {
            var snapshot = snapshots.Capture();
            foreach (var notification in _tracker.Update(AlertConditions.Of(snapshot), settings, snapshot.GeneratedAt))
            {
                sender.Enqueue(notification, settings, snapshot.ManifestPath);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug here must not stop the checks (or the daemon); the next check tries again.
            NotificationLog.CheckFailed(logger, e.Message, e);
        }
    }

    private static TimeSpan Interval(TimeSpan? targetDownAfter) =>
        targetDownAfter is { } after ? TimeSpan.FromTicks(Math.Clamp(after.Ticks / 4, Shortest.Ticks, Longest.Ticks)) : Longest;
}
