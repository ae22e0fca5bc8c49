using HomelabGate.Daemon.Status;
using HomelabGate.Core.Engine;
using HomelabGate.Status;
using Prometheus;

namespace HomelabGate.Daemon.Metrics;

/// <summary>Gauges read from a <see cref="StatusSnapshot"/> at scrape time, so they always agree with /api/status:
/// upstream target health, certificate expiry and DNS drift. Series of targets and certificates that left the
/// manifest are removed.</summary>
public sealed class StateGauges
{
    private readonly object _gate = new();
    private readonly Gauge _upstreamHealthy;
    private readonly Gauge _certificateExpiry;
    private readonly Gauge _dnsDrift;

    public StateGauges(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _upstreamHealthy = factory.CreateGauge("homelabgate_upstream_healthy",
            "1 when the target is healthy or has no verdict yet; 0 when a health check marked it unhealthy or its requests keep failing (passive health is on for every pool).",
            new GaugeConfiguration { LabelNames = ["upstream", "target"] });
        _certificateExpiry = factory.CreateGauge("homelabgate_certificate_expiry_seconds",
            "Seconds until the certificate expires (negative once it has).",
            new GaugeConfiguration { LabelNames = ["certificate"] });
        _dnsDrift = factory.CreateGauge("homelabgate_dns_drift",
            "Records found by the last DNS reconcile: changed or deleted out of band (repaired), or conflicting with records gate did not create (left alone).",
            new GaugeConfiguration { LabelNames = ["kind"] });
    }

    public void Refresh(StatusSnapshot snapshot)
    {
        // Two concurrent scrapes must not interleave the removal of stale series with the setting of fresh ones.
        lock (_gate)
        {
            Replace(_upstreamHealthy, snapshot.Upstreams.SelectMany(u => u.Targets.Select(t =>
                (new[] { u.Name, t.Url }, t.Health == TargetHealth.Unhealthy ? 0.0 : 1.0))));
            Replace(_certificateExpiry, snapshot.Certificates.Where(c => c.NotAfter is not null).Select(c =>
                (new[] { c.Name }, (c.NotAfter!.Value - snapshot.GeneratedAt).TotalSeconds)));
            var dns = snapshot.Dns;
            _dnsDrift.WithLabels("changed").Set(dns?.Repaired.Count(d => d.Drift == DnsDriftKind.ChangedOutOfBand) ?? 0);
            _dnsDrift.WithLabels("deleted").Set(dns?.Repaired.Count(d => d.Drift == DnsDriftKind.DeletedOutOfBand) ?? 0);
            _dnsDrift.WithLabels("conflict").Set(dns?.Conflicts.Count ?? 0);
        }
    }

    private static void Replace(Gauge gauge, IEnumerable<(string[] Labels, double Value)> current)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (labels, value) in current)
        {
            gauge.WithLabels(labels).Set(value);
            keep.Add(string.Join('\n', labels));
        }
        foreach (var labels in gauge.GetAllLabelValues().ToList())
        {
            if (!keep.Contains(string.Join('\n', labels)))
            {
                gauge.RemoveLabelled(labels);
            }
        }
    }
}
