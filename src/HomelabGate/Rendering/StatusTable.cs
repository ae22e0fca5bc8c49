using System.Globalization;
using System.Text.Json.Nodes;

namespace HomelabGate.Rendering;

/// <summary>The daemon's status as one row per resource with a condition — Ready, Drifted (the world differs from the
/// manifest: an unhealthy target, an expiring certificate, a DNS conflict) or Failed (the last attempt did not work).</summary>
public sealed class StatusTable(TimeProvider time)
{
    public IReadOnlyList<StatusRow> Rows(JsonObject status)
    {
        var rows = new List<StatusRow>();
        var diagnostics = status["currentDiagnostics"]?.AsArray().Count ?? 0;
        rows.Add(status["manifestValid"]?.GetValue<bool>() == false
            ? new StatusRow("manifest", Condition.Failed, $"invalid ({diagnostics} problems); the last good configuration is served")
            : new StatusRow("manifest", Condition.Ready, $"serving {Short(status["servingManifestHash"])}"));
        if (status["last"] is JsonObject last && last["result"]?.GetValue<string>() == "failed")
        {
            rows.Add(new StatusRow("last reconcile", Condition.Failed, last["message"]?.GetValue<string>() ?? "failed"));
        }
        foreach (var host in status["hosts"]?.AsArray() ?? [])
        {
            rows.Add(new StatusRow($"host {host!["name"]}", Condition.Ready, string.Join(", ", host["domains"]!.AsArray().Select(d => d!.GetValue<string>()))));
        }
        foreach (var upstream in status["upstreams"]?.AsArray() ?? [])
        {
            foreach (var target in upstream!["targets"]?.AsArray() ?? [])
            {
                var health = target!["health"]?.GetValue<string>() ?? "unknown";
                rows.Add(new StatusRow($"upstream {upstream["name"]}", health == "unhealthy" ? Condition.Drifted : Condition.Ready, $"{target["url"]}: {health}"));
            }
        }
        foreach (var certificate in status["certificates"]?.AsArray() ?? [])
        {
            rows.Add(Certificate(certificate!.AsObject()));
        }
        if (status["dns"] is JsonObject dns)
        {
            var conflicts = dns["conflicts"]?.AsArray().Count ?? 0;
            rows.Add(dns["error"]?.GetValue<string>() is { } error
                ? new StatusRow($"dns {dns["provider"]}", Condition.Failed, error)
                : new StatusRow($"dns {dns["provider"]}", conflicts > 0 ? Condition.Drifted : Condition.Ready,
                    conflicts > 0 ? $"{conflicts} conflicts left alone" : dns["summary"]?.GetValue<string>() ?? ""));
        }
        return rows;
    }

    private StatusRow Certificate(JsonObject certificate)
    {
        var name = $"certificate {certificate["name"]}";
        var message = certificate["message"]?.GetValue<string>() ?? "";
        if (certificate["condition"]?.GetValue<string>() != "Ready")
        {
            return new StatusRow(name, Condition.Failed, message);
        }
        if (certificate["notAfter"]?.GetValue<DateTimeOffset>() is not { } notAfter)
        {
            return new StatusRow(name, Condition.Ready, message);
        }
        var days = (int)Math.Floor((notAfter - time.GetUtcNow()).TotalDays);
        return new StatusRow(name, days < 14 ? Condition.Drifted : Condition.Ready,
            $"{message}; {days.ToString(CultureInfo.InvariantCulture)} days left");
    }

    public void Render(IReadOnlyList<StatusRow> rows, TextWriter output)
    {
        var width = Math.Max(8, rows.Max(r => r.Resource.Length));
        output.WriteLine($"{"RESOURCE".PadRight(width)}  {"CONDITION",-9}  DETAIL");
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Resource.PadRight(width)}  {row.Condition,-9}  {row.Detail}");
        }
    }

    private static string Short(JsonNode? hash) => hash?.GetValue<string>() is { Length: >= 12 } h ? h[..12] : "nothing";
}

public enum Condition
{
    Ready,
    Drifted,
    Failed,
}

public sealed record StatusRow(string Resource, Condition Condition, string Detail);
