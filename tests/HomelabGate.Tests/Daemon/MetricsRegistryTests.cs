using HomelabGate.Status;
using System.Text;
using HomelabGate.Core.Planning;
using HomelabGate.Daemon;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Proxy.Hosts;
using Prometheus;

namespace HomelabGate.Tests.Daemon;

public sealed class MetricsRegistryTests
{
    private static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, ExpositionFormat.PrometheusText);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Each_daemon_counts_in_its_own_registry()
    {
        var first = Prometheus.Metrics.NewCustomRegistry();
        var second = Prometheus.Metrics.NewCustomRegistry();
        var one = new RequestMetrics(first, new HostBehaviorTable());
        _ = new RequestMetrics(second, new HostBehaviorTable());

        one.Count(route: null, 404);
        one.Count(route: null, 404);
        one.Count(route: null, 503);

        var text = await ExportAsync(first);
        Assert.Contains("homelabgate_requests_total{host=\"(default)\",status_class=\"4xx\",upstream=\"(none)\"} 2", text);
        Assert.Contains("homelabgate_requests_total{host=\"(default)\",status_class=\"5xx\",upstream=\"(none)\"} 1", text);
        Assert.Contains("homelabgate_requests_total{host=\"(default)\",status_class=\"4xx\",upstream=\"(none)\"} 0", await ExportAsync(second));
    }

    [Theory]
    [InlineData(ReconcileResult.Applied, 1)]
    [InlineData(ReconcileResult.Unchanged, 1)]
    [InlineData(ReconcileResult.Invalid, 0)]
    [InlineData(ReconcileResult.Failed, 0)]
    public async Task The_last_reload_gauge_follows_the_last_outcome(ReconcileResult result, int success)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new ReconcileMetrics(registry);
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        metrics.Observe(new ReconcileOutcome(ReconcileResult.Applied, "start", at, "h", Plan.Empty, [], null), TimeSpan.FromMilliseconds(30));
        metrics.Observe(new ReconcileOutcome(result, "timer", at.AddMinutes(1), "h", null, [], null), TimeSpan.FromMilliseconds(70));

        var text = await ExportAsync(registry);
        Assert.Contains($"homelabgate_last_reload_success {success}\n", text);
        var expectedTimestamp = result == ReconcileResult.Applied ? at.AddMinutes(1) : at;
        Assert.Contains($"homelabgate_last_reload_timestamp_seconds {expectedTimestamp.ToUnixTimeSeconds()}\n", text);
        Assert.Contains("homelabgate_reconcile_duration_seconds_count 2\n", text);
        Assert.Contains("homelabgate_reconcile_duration_seconds_bucket{le=\"0.05\"} 1\n", text);
    }
}
