using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.State;

namespace HomelabGate.Application;

/// <summary>Talks to a running daemon's admin API, found through the state lock it holds. Every call sends the bearer
/// token from <see cref="TokenVariable"/> when it is set, since the admin listener may require one.</summary>
public sealed class DaemonClient
{
    /// <summary>Sent as the bearer token when the daemon's admin listener requires one.</summary>
    public const string TokenVariable = "HOMELABGATE_ADMIN_TOKEN";

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

    /// <summary>The daemon's /api/status, or null when no daemon holds the state directory.</summary>
    public async Task<JsonObject?> StatusJsonAsync(string stateDir, CancellationToken cancellationToken) =>
        AdminUrl(stateDir) is { } url ? await StatusJsonAtAsync(url, cancellationToken) : null;

    public async Task<RunningDaemon?> StatusAsync(string stateDir, CancellationToken cancellationToken)
    {
        if (AdminUrl(stateDir) is not { } url)
        {
            return null;
        }
        var status = await StatusJsonAtAsync(url, cancellationToken);
        var unhealthy = (status["upstreams"]?.AsArray() ?? [])
            .SelectMany(u => (u?["targets"]?.AsArray() ?? []).Select(t => (Pool: u!["name"]!.GetValue<string>(), Url: t!["url"]!.GetValue<string>(), Health: t["health"]?.GetValue<string>())))
            .Where(t => t.Health == "unhealthy")
            .Select(t => new UnhealthyTarget(t.Pool, t.Url))
            .Distinct()
            .ToList();
        return new RunningDaemon(url, status["servingManifestHash"]?.GetValue<string>(), unhealthy);
    }

    /// <summary>Asks the daemon at <paramref name="adminUrl"/> to reconcile now; the answer says what it applied.</summary>
    public async Task<(bool Succeeded, JsonObject Outcome)> ReconcileAsync(string adminUrl, CancellationToken cancellationToken)
    {
        using var http = Client(TimeSpan.FromMinutes(5));
        using var response = await http.PostAsync($"{adminUrl}/api/reconcile", null, cancellationToken);
        return (response.IsSuccessStatusCode, await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? []);
    }

    private static async Task<JsonObject> StatusJsonAtAsync(string url, CancellationToken cancellationToken)
    {
        using var http = Client(TimeSpan.FromSeconds(10));
        return await http.GetFromJsonAsync<JsonObject>($"{url}/api/status", cancellationToken) ?? [];
    }

    private static HttpClient Client(TimeSpan timeout)
    {
        var http = new HttpClient { Timeout = timeout };
        // The admin API refuses state-changing requests without it (its CSRF defence).
        http.DefaultRequestHeaders.Add(Daemon.Status.CrossSiteCheck.HeaderName, "1");
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }
}

public sealed record RunningDaemon(string AdminUrl, string? ServingHash, IReadOnlyList<UnhealthyTarget> UnhealthyTargets);

public sealed record UnhealthyTarget(string Pool, string Url);
