using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Daemon.Status;
using HomelabGate.Proxy;
using HomelabGate.Rendering;
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
    ProxyReconciler proxy,
    ManifestPipeline pipeline,
    GatePaths paths,
    PlanJsonRenderer planJson,
    CaDownloadEndpoints caDownloads,
    AdminAccessPolicy access,
    StatusSnapshotSource snapshots,
    StatusJsonRenderer statusJson,
    OutcomeJsonRenderer outcomeJson,
    StatusPageRenderer statusPage,
    MetricsEndpoint metrics)
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
                await Text(context, status.Ready ? 200 : 503, status.Ready ? "ready\n" : "not ready: no configuration served yet\n");
                break;
            case "/" when HttpMethods.IsGet(method):
                await Page(context, statusPage.Render(snapshots.Capture()));
                break;
            case "/metrics" when HttpMethods.IsGet(method):
                await metrics.HandleAsync(context);
                break;
            case "/api/status" when HttpMethods.IsGet(method):
                await Json(context, 200, statusJson.Render(snapshots.Capture()));
                break;
            case "/api/history" when HttpMethods.IsGet(method):
                await Json(context, 200, new JsonArray([.. status.History().Select(o => (JsonNode)outcomeJson.Render(o))]));
                break;
            case "/api/plan" when HttpMethods.IsGet(method):
                await Json(context, 200, PlanOnDisk());
                break;
            case "/api/reconcile" when HttpMethods.IsPost(method):
                var outcome = await loop.RequestAndWaitAsync("gate apply", context.RequestAborted);
                await Json(context, outcome.Result is ReconcileResult.Invalid or ReconcileResult.Failed ? 422 : 200, outcomeJson.Render(outcome));
                break;
            default:
                await Text(context, 404, "not found: try /healthz, /readyz, /, /metrics, /api/status, /api/plan, /api/history\n");
                break;
        }
    }

    private JsonObject PlanOnDisk()
    {
        var result = pipeline.Run(paths);
        if (!result.Succeeded)
        {
            return new JsonObject { ["valid"] = false, ["diagnostics"] = new JsonArray([.. result.Load.Diagnostics.Select(d => (JsonNode)$"{d.Location}: {d.Code}: {d.Summary}")]) };
        }
        var plan = Planner.Plan(result.Desired!, proxy.Serving ?? DesiredState.Empty);
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

    private static Task Json(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(Indented));
    }
}
