using System.Text.Json.Nodes;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>A target as /api/status reports it (health and last problem), found by its URL.</summary>
internal static class UpstreamTargets
{
    public static async Task<(string? Health, string? Problem)> TargetAsync(this GateProcess gate, string url)
    {
        var status = await gate.StatusAsync();
        var target = status["upstreams"]!.AsArray()
            .SelectMany(u => u!["targets"]!.AsArray())
            .FirstOrDefault(t => t!["url"]!.GetValue<string>() == url);
        return (target?["health"]?.GetValue<string>(), target?["problem"]?.GetValue<string>());
    }
}
