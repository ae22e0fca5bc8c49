using System.Net.Http.Headers;
using System.Net.Http.Json;
using HomelabGate.Core.State;
using HomelabGate.Status;

namespace HomelabGate.Application;

/// <summary>Talks to a running daemon's admin API, found through the state lock it holds. Every call sends the bearer
/// token from <see cref="TokenVariable"/> when it is set, since the admin listener may require one. Answers are the
/// typed documents the daemon writes (<see cref="StatusDocument"/>, <see cref="OutcomeDocument"/>).</summary>
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
    public async Task<StatusDocument?> StatusAsync(string stateDir, CancellationToken cancellationToken) =>
        AdminUrl(stateDir) is { } url ? await StatusAtAsync(url, cancellationToken) : null;

    /// <summary>Asks the daemon at <paramref name="adminUrl"/> to reconcile now; the answer says what it planned and did.</summary>
    public async Task<(bool Succeeded, OutcomeDocument Outcome)> ReconcileAsync(string adminUrl, CancellationToken cancellationToken)
    {
        using var http = Client(TimeSpan.FromMinutes(5));
        using var response = await http.PostAsync($"{adminUrl}/api/reconcile", null, cancellationToken);
        var outcome = await response.Content.ReadFromJsonAsync(StatusJson.Default.OutcomeDocument, cancellationToken)
            ?? throw new HttpRequestException($"the daemon answered {(int)response.StatusCode} without a body");
        return (response.IsSuccessStatusCode, outcome);
    }

    private static async Task<StatusDocument> StatusAtAsync(string url, CancellationToken cancellationToken)
    {
        using var http = Client(TimeSpan.FromSeconds(10));
        return await http.GetFromJsonAsync($"{url}/api/status", StatusJson.Default.StatusDocument, cancellationToken)
            ?? throw new HttpRequestException("the daemon's /api/status was empty");
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
