using System.Text.Json.Nodes;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Reading the daemon's /api/status document.</summary>
public static class DaemonStatus
{
    /// <summary>Polls until the last reconcile was rejected as invalid.</summary>
    public static Task<JsonObject> WaitUntilRejectedAsync(this GateProcess gate, string what) =>
        Poll.UntilAsync(gate.StatusAsync, s => LastResult(s) == "invalid",
            $"/api/status reports {what} as invalid", context: () => gate.Output);

    public static string? LastResult(JsonObject status) => (string?)status["last"]?["result"];

    public static string? LastTrigger(JsonObject status) => (string?)status["last"]?["trigger"];

    public static string? ServingHash(JsonObject status) => (string?)status["servingManifestHash"];

    /// <summary>The last reconcile's diagnostics as printed: "homelab.yaml:LINE:COL: error CODE: summary".</summary>
    public static List<string> LastDiagnostics(JsonObject status) =>
        (status["last"]?["diagnostics"]?.AsArray() ?? []).Select(d => (string)d!).ToList();
}
