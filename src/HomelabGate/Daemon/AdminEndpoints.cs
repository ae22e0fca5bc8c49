using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HomelabGate.Application;
using HomelabGate.Core.Engine;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Daemon.Status;
using HomelabGate.Rendering;
using HomelabGate.Status;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Daemon;

/// <summary>The admin listener: health and readiness for the container, the status page, status/plan/history as JSON,
/// Prometheus metrics, and the reconcile trigger that <c>gate apply</c> uses while a daemon runs. Dispatched by the
/// listener that accepted the connection (<see cref="AdminListener"/>), never by Host header or port number, so a
/// request to a proxy listener cannot reach these endpoints. The page, the
/// JSON and the metrics render one <see cref="StatusSnapshot"/>; who may ask is <see cref="AdminAccessPolicy"/>'s call.</summary>
public sealed class AdminEndpoints(
    DaemonStatus status,
    ReconcileLoop loop,
    GateEngine engine,
    ManifestPipeline pipeline,
    GatePaths paths,
    PlanJsonRenderer planJson,
    CaDownloadEndpoints caDownloads,
    AdminAccessPolicy access,
    StatusSnapshotSource snapshots,
    StatusDocuments documents,
    StatusPageRenderer statusPage,
    MetricsEndpoint metrics,
    Cluster.ClusterStatusSource cluster)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task HandleAsync(HttpContext context)
    {
        // The root certificate is public by nature; phones on the LAN fetch it here without the admin token.
        if (await caDownloads.TryHandleAsync(context))
        {
            return;
        }
        if (access.Check(context) is { } refusal)
        {
            await refusal.WriteAsync(context);
            return;
        }
        var method = context.Request.Method;
        switch (context.Request.Path.Value ?? "/")
        {
            case "/healthz":
                await Text(context, 200, "ok\n");
                break;
            case "/readyz":
                // Degraded still answers 200: the replica serves, and a load balancer must keep sending it traffic.
                await Text(context, status.Ready ? 200 : 503, !status.Ready ? "not ready: no configuration served yet\n"
                    : cluster.Capture() is { Degraded: true } degraded ? $"ready, degraded: {degraded.Problem}; serving the last known configuration, no side effects\n"
                    : "ready\n");
                break;
            case "/" when HttpMethods.IsGet(method):
                await Page(context, statusPage.Render(snapshots.Capture()));
                break;
            case "/metrics" when HttpMethods.IsGet(method):
                await metrics.HandleAsync(context);
                break;
            case "/api/status" when HttpMethods.IsGet(method):
                await Json(context, 200, documents.Status(snapshots.Capture()), StatusJson.Default.StatusDocument);
                break;
            case "/api/history" when HttpMethods.IsGet(method):
                await Json(context, 200, [.. status.History().Select(documents.Outcome)], StatusJson.Default.IReadOnlyListOutcomeDocument);
                break;
            case "/api/plan" when HttpMethods.IsGet(method):
                await Json(context, 200, await PlanOnDiskAsync(context.RequestAborted));
                break;
            case "/api/reconcile" when HttpMethods.IsPost(method):
                var outcome = await loop.RequestAndWaitAsync("gate apply", context.RequestAborted);
                await Json(context, outcome.Result is ReconcileResult.Invalid or ReconcileResult.Failed ? 422 : 200, documents.Outcome(outcome), StatusJson.Default.OutcomeDocument);
                break;
            default:
                await Text(context, 404, "not found: try /healthz, /readyz, /, /metrics, /api/status, /api/plan, /api/history\n");
                break;
        }
    }

    /// <summary>What a reconcile would do now: the manifest on disk against what is served and observed.</summary>
    private async Task<JsonObject> PlanOnDiskAsync(CancellationToken cancellationToken)
    {
        var result = pipeline.Run(paths);
        if (!result.Succeeded)
        {
            return new JsonObject { ["valid"] = false, ["diagnostics"] = new JsonArray([.. result.Load.Diagnostics.Select(d => (JsonNode)DiagnosticLine.Format(d))]) };
        }
        var (_, plan) = await engine.PlanAsync(result.Desired!, ObservationScope.Full, cancellationToken);
        var json = planJson.ToJson(plan);
        json["valid"] = true;
        return json;
    }

    private static Task Text(HttpContext context, int code, string body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body);
    }

    private static Task Page(HttpContext context, string html)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html; charset=utf-8";
        // The page is a snapshot of live state; a cached copy would show health that is no longer true.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }

    private static Task Json<T>(HttpContext context, int code, T body, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, type));
    }

    private static Task Json(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(Indented));
    }
}
