using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>What the admin tests ask of a running daemon: the last reconcile (to tell whether a POST triggered one),
/// and POSTs shaped as a browser or the CLI would send them.</summary>
public static class AdminRequests
{
    /// <summary>The last reconcile's trigger and time; POST /api/reconcile's trigger is "gate apply".</summary>
    public static async Task<string> LastReconcileAsync(this GateProcess gate)
    {
        var status = await gate.StatusAsync();
        return $"{DaemonStatus.LastTrigger(status)} at {(string?)status["last"]?["at"]}";
    }

    /// <summary>No reconcile was triggered by a POST since <paramref name="before"/> (a periodic resync may have run).</summary>
    public static async Task AssertNoReconcilePostSinceAsync(this GateProcess gate, string before)
    {
        var now = await gate.LastReconcileAsync();
        Assert.True(now == before || !now.StartsWith("gate apply ", StringComparison.Ordinal), $"a POST reconciled: before {before}, now {now}");
    }

    public static async Task<HttpResult> PostReconcileAsync(this GateProcess gate, string? contentType, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, gate.AdminUrl("/api/reconcile"))
        {
            Content = new StringContent("x"),
        };
        request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await TestHttp.Client.SendAsync(request);
        return new HttpResult((int)response.StatusCode, new Dictionary<string, string>(), await response.Content.ReadAsStringAsync());
    }
}
