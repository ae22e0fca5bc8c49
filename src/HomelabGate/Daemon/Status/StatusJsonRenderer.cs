using System.Text.Json.Nodes;

namespace HomelabGate.Daemon.Status;

/// <summary>/api/status: the snapshot as JSON. Field names are the API's contract; add, never rename.</summary>
public sealed class StatusJsonRenderer(OutcomeJsonRenderer outcomes)
{
    public JsonObject Render(StatusSnapshot snapshot) => new()
    {
        ["startedAt"] = snapshot.StartedAt,
        ["ready"] = snapshot.Ready,
        ["manifest"] = snapshot.ManifestPath,
        ["servingManifestHash"] = snapshot.ServingManifestHash,
        ["manifestValid"] = !snapshot.ManifestInvalid,
        ["currentDiagnostics"] = Strings(snapshot.CurrentDiagnostics.Select(DiagnosticLine.Format)),
        ["hosts"] = new JsonArray([.. snapshot.Hosts.Select(h => (JsonNode)new JsonObject
        {
            ["name"] = h.Name,
            ["domains"] = Strings(h.Domains),
            ["upstreams"] = Strings(h.Upstreams),
        })]),
        ["last"] = snapshot.Last is { } last ? outcomes.Render(last) : null,
        ["upstreams"] = new JsonArray([.. snapshot.Upstreams.Select(u => (JsonNode)new JsonObject
        {
            ["name"] = u.Name,
            ["targets"] = new JsonArray([.. u.Targets.Select(t => (JsonNode)new JsonObject
            {
                ["url"] = t.Url,
                ["health"] = t.Health.ToString().ToLowerInvariant(),
            })]),
        })]),
        ["certificates"] = new JsonArray([.. snapshot.Certificates.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["condition"] = c.Condition.ToString(),
            ["message"] = c.Message,
            ["serving"] = c.Serving,
            ["notAfter"] = c.NotAfter,
        })]),
        ["dns"] = snapshot.Dns is { Configured: true } dns ? new JsonObject
        {
            ["provider"] = dns.Provider,
            ["error"] = dns.Error,
            ["summary"] = dns.Plan?.Summary,
            ["driftRepaired"] = Strings((dns.Plan?.Drift ?? []).Select(d => d.ToString())),
            ["conflicts"] = Strings((dns.Plan?.Conflicts ?? []).Select(c => c.ToString())),
        } : null,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
