using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Proxy;
using HomelabGate.Rendering;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon;

/// <summary>The admin listener: health and readiness for the container, status/plan/history as JSON, and the reconcile
/// trigger that <c>gate apply</c> uses while a daemon runs. Dispatched by connection port, never by Host header, so a
/// request to the proxy port cannot reach these endpoints.</summary>
public sealed class AdminEndpoints(
    DaemonStatus status,
    ReconcileLoop loop,
    ProxyReconciler proxy,
    ManifestPipeline pipeline,
    GatePaths paths,
    PlanJsonRenderer planJson,
    PlanTextRenderer planText,
    CaDownloadEndpoints caDownloads,
    IProxyStateLookup proxyState,
    string? adminToken)
{
    public async Task HandleAsync(HttpContext context)
    {
        // The root certificate is public by nature; phones on the LAN fetch it here without the admin token.
        if (await caDownloads.TryHandleAsync(context))
        {
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        // Health and readiness stay open: container health checks and load balancers carry no token.
        if (path is not ("/healthz" or "/readyz") && !Authorized(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }
        var method = context.Request.Method;
        switch (path)
        {
            case "/healthz":
                await Text(context, 200, "ok\n");
                break;
            case "/readyz":
                await Text(context, status.Ready ? 200 : 503, status.Ready ? "ready\n" : "not ready: no configuration served yet\n");
                break;
            case "/api/status" when HttpMethods.IsGet(method):
                await Json(context, 200, StatusJson());
                break;
            case "/api/history" when HttpMethods.IsGet(method):
                await Json(context, 200, new JsonArray(status.History().Select(OutcomeJson).ToArray()));
                break;
            case "/api/plan" when HttpMethods.IsGet(method):
                await Json(context, 200, PlanOnDisk());
                break;
            case "/api/reconcile" when HttpMethods.IsPost(method):
                var outcome = await loop.RequestAndWaitAsync("gate apply", context.RequestAborted);
                await Json(context, outcome.Result is ReconcileResult.Invalid or ReconcileResult.Failed ? 422 : 200, OutcomeJson(outcome));
                break;
            default:
                await Text(context, 404, "not found: try /healthz, /readyz, /api/status, /api/plan, /api/history\n");
                break;
        }
    }

    private bool Authorized(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote) && adminToken is null)
        {
            return true;
        }
        if (adminToken is null)
        {
            return false;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(adminToken));
    }

    private JsonObject StatusJson() => new()
    {
        ["startedAt"] = status.StartedAt,
        ["ready"] = status.Ready,
        ["manifest"] = paths.ManifestPath,
        ["servingManifestHash"] = status.ServingManifestHash,
        ["hosts"] = new JsonArray((proxy.Serving?.All<ProxyHost>() ?? []).Select(h => (JsonNode)new JsonObject
        {
            ["name"] = h.Name,
            ["domains"] = new JsonArray(h.Domains.Select(d => (JsonNode)d).ToArray()),
        }).ToArray()),
        ["last"] = status.Last is { } last ? OutcomeJson(last) : null,
        ["upstreams"] = new JsonArray(proxyState.GetClusters().Where(c => c.ClusterId != Proxy.Routing.YarpConfigMapper.InternalCluster)
            .OrderBy(c => c.ClusterId, StringComparer.Ordinal).Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.ClusterId,
                ["targets"] = new JsonArray(c.Destinations.Values.DistinctBy(d => d.Model.Config.Address).Select(d => (JsonNode)new JsonObject
                {
                    ["url"] = d.Model.Config.Address,
                    ["health"] = Health(d.Health),
                }).ToArray()),
            }).ToArray()),
        ["certificates"] = new JsonArray(status.Certificates.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["condition"] = c.Condition.ToString(),
            ["message"] = c.Message,
            ["serving"] = c.Serving,
            ["notAfter"] = c.NotAfter,
        }).ToArray()),
        ["dns"] = status.Dns is { Configured: true } dns ? new JsonObject
        {
            ["provider"] = dns.Provider,
            ["error"] = dns.Error,
            ["summary"] = dns.Plan?.Summary,
            ["driftRepaired"] = new JsonArray((dns.Plan?.Drift ?? []).Select(d => (JsonNode)d.ToString()).ToArray()),
            ["conflicts"] = new JsonArray((dns.Plan?.Conflicts ?? []).Select(c => (JsonNode)c.ToString()).ToArray()),
        } : null,
    };

    /// <summary>Active checks decide when they run; otherwise passive ones; "unknown" until either has an opinion.</summary>
    private static string Health(DestinationHealthState health)
    {
        var verdict = health.Active != DestinationHealth.Unknown ? health.Active : health.Passive;
        return verdict switch
        {
            DestinationHealth.Healthy => "healthy",
            DestinationHealth.Unhealthy => "unhealthy",
            _ => "unknown",
        };
    }

    private JsonObject OutcomeJson(ReconcileOutcome outcome)
    {
        var text = new StringWriter();
        if (outcome.Plan is { } plan)
        {
            planText.Render(plan, text);
        }
        return new JsonObject
        {
            ["result"] = outcome.Result.ToString().ToLowerInvariant(),
            ["trigger"] = outcome.Trigger,
            ["at"] = outcome.At,
            ["manifestHash"] = outcome.ManifestHash,
            ["message"] = outcome.Message,
            ["diagnostics"] = new JsonArray(outcome.Diagnostics.Select(d => (JsonNode)$"{d.Location}: {(d.IsError ? "error" : "warning")} {d.Code}: {d.Summary}").ToArray()),
            ["plan"] = outcome.Plan is null ? null : planJson.ToJson(outcome.Plan),
            ["planText"] = outcome.Plan is null ? null : text.ToString(),
        };
    }

    private JsonObject PlanOnDisk()
    {
        var result = pipeline.Run(paths);
        if (!result.Succeeded)
        {
            return new JsonObject { ["valid"] = false, ["diagnostics"] = new JsonArray(result.Load.Diagnostics.Select(d => (JsonNode)$"{d.Location}: {d.Code}: {d.Summary}").ToArray()) };
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

    private static Task Json(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
