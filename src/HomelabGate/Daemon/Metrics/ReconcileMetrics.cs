using HomelabGate.Status;
using Prometheus;

namespace HomelabGate.Daemon.Metrics;

/// <summary>What each reconcile did: its duration (a histogram), whether the last one succeeded, and when the served
/// configuration last changed. Fed by <see cref="DaemonStatus.Record"/>, the one place every outcome passes.</summary>
public sealed class ReconcileMetrics
{
    private readonly Histogram _duration;
    private readonly Gauge _lastSuccess;
    private readonly Gauge _lastTimestamp;

    public ReconcileMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _duration = factory.CreateHistogram("homelabgate_reconcile_duration_seconds",
            "How long one reconcile took (load, validate, DNS, certificates, proxy), including those that found nothing to do.",
            new HistogramConfiguration { Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        _lastSuccess = factory.CreateGauge("homelabgate_last_reload_success",
            "1 when the last reconcile succeeded (applied, or nothing to change); 0 when the manifest was invalid or applying failed.");
        _lastTimestamp = factory.CreateGauge("homelabgate_last_reload_timestamp_seconds",
            "Unix time at which the configuration being served was applied.");
    }

    public void Observe(ReconcileOutcome outcome, TimeSpan duration)
    {
        _duration.Observe(duration.TotalSeconds);
        _lastSuccess.Set(outcome.Result is ReconcileResult.Applied or ReconcileResult.Unchanged ? 1 : 0);
        if (outcome.Result == ReconcileResult.Applied)
        {
            _lastTimestamp.Set(outcome.At.ToUnixTimeMilliseconds() / 1000.0);
        }
    }
}
