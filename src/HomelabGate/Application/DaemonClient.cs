using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.State;

namespace HomelabGate.Application;

/// <summary>Talks to a running daemon's admin API, found through the state lock it holds.</summary>
public sealed class DaemonClient
{
    public static string? AdminUrl(string stateDir)
    {
        if (StateLock.TryAcquire(stateDir, $"pid={Environment.ProcessId}\ncommand=probe\n") is { } free)
        {
            free.Dispose();
            return null;
        }
        var admin = (StateLock.ReadHolder(stateDir) ?? "").Split('\n').FirstOrDefault(l => l.StartsWith("admin=", StringComparison.Ordinal))?[6..];
        return admin is null ? null : $"http://{admin.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)}";
    }

    /// <summary>Sent as the bearer token when the daemon's admin listener requires one.</summary>
    public const string TokenVariable = "HOMELABGATE_ADMIN_TOKEN";

    /// <summary>The daemon's /api/status, or null when no daemon holds the state directory.</summary>
    public async Task<JsonObject?> StatusJsonAsync(string stateDir, CancellationToken cancellationToken)
    {
        if (AdminUrl(stateDir) is not { } url)
        {
            return null;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return await http.GetFromJsonAsync<JsonObject>($"{url}/api/status", cancellationToken) ?? [];
    }

    public async Task<RunningDaemon?> StatusAsync(string stateDir, CancellationToken cancellationToken)
    {
        if (await StatusJsonAsync(stateDir, cancellationToken) is not { } status)
        {
            return null;
        }
        var url = AdminUrl(stateDir)!;
        var unhealthy = (status["upstreams"]?.AsArray() ?? [])
            .SelectMany(u => (u?["targets"]?.AsArray() ?? []).Select(t => (Pool: u!["name"]!.GetValue<string>(), Url: t!["url"]!.GetValue<string>(), Health: t["health"]?.GetValue<string>())))
            .Where(t => t.Health == "unhealthy")
            .Select(t => new UnhealthyTarget(t.Pool, t.Url))
            .Distinct()
            .ToList();
        return new RunningDaemon(url, status["servingManifestHash"]?.GetValue<string>(), unhealthy);
    }
}

public sealed record RunningDaemon(string AdminUrl, string? ServingHash, IReadOnlyList<UnhealthyTarget> UnhealthyTargets);

public sealed record UnhealthyTarget(string Pool, string Url);
