using HomelabGate.Daemon.Status;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace HomelabGate.Daemon.Metrics;

/// <summary><c>GET /metrics</c> on the admin listener: the daemon's own registry (not prometheus-net's global one) in
/// the Prometheus text format, with the state gauges refreshed from a fresh snapshot first.</summary>
public sealed class MetricsEndpoint(CollectorRegistry registry, StateGauges gauges, StatusSnapshotSource snapshots)
{
    public async Task HandleAsync(HttpContext context)
    {
        gauges.Refresh(snapshots.Capture());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await registry.CollectAndExportAsTextAsync(context.Response.Body, ExpositionFormat.PrometheusText, context.RequestAborted);
    }
}
