using System.Globalization;
using HomelabGate.Core.Engine;
using HomelabGate.Status;

namespace HomelabGate.Rendering;

/// <summary>The daemon's status as one row per resource with a condition — Ready, Drifted (the world differs from the
/// manifest: an unhealthy target, an expiring certificate, a DNS conflict) or Failed (the last attempt did not work).</summary>
public sealed class StatusTable(TimeProvider time)
{
    /// <summary>Fewer days left than this is drift: renewal (at a third of the lifetime) should have happened.</summary>
    public const int WarnDays = 14;

    public IReadOnlyList<StatusRow> Rows(StatusDocument status)
    {
        var rows = new List<StatusRow>
        {
            status.ManifestValid
                ? new StatusRow("manifest", Condition.Ready, $"serving {Short(status.ServingManifestHash)}")
                : new StatusRow("manifest", Condition.Failed, $"invalid ({status.CurrentDiagnostics.Count} problems); the last good configuration is served"),
        };
        if (status.Last is { Result: ReconcileResult.Failed } last)
        {
            rows.Add(new StatusRow("last reconcile", Condition.Failed, last.Message ?? "failed"));
        }
        rows.AddRange(status.Hosts.Select(h => new StatusRow($"host {h.Name}", Condition.Ready, string.Join(", ", h.Domains))));
        rows.AddRange(status.Upstreams.SelectMany(u => u.Targets.Select(t => new StatusRow(u.Owner ?? $"upstream {u.Name}",
            t.Health == TargetHealth.Unhealthy ? Condition.Drifted : Condition.Ready,
            $"{t.Url}: {t.Health.ToString().ToLowerInvariant()}{(t.Problem is { } problem ? $" ({problem})" : "")}"))));
        rows.AddRange(status.Certificates.Select(Certificate));
        if (status.Dns is { } dns)
        {
            rows.Add(dns.Error is { } error
                ? new StatusRow($"dns {dns.Provider}", Condition.Failed, error)
                : new StatusRow($"dns {dns.Provider}", dns.Conflicts.Count > 0 ? Condition.Drifted : Condition.Ready,
                    dns.Conflicts.Count > 0 ? $"{dns.Conflicts.Count} conflicts left alone" : dns.Summary ?? ""));
        }
        if (status.Cluster is { } cluster)
        {
            rows.Add(cluster.Problem is { } problem
                ? new StatusRow("cluster", Condition.Failed, $"degraded: {problem}")
                : new StatusRow("cluster", Condition.Ready, $"replica {cluster.Replica} is {cluster.Role}; leader {cluster.Leader ?? "none"}"));
            rows.AddRange(cluster.Replicas.Select(r => new StatusRow($"replica {r.Id}", r.ContentHash == cluster.ContentHash ? Condition.Ready : Condition.Drifted,
                $"{r.Role}, serving {Short(r.ContentHash)}{(r.ContentHash == cluster.ContentHash ? "" : " (differs from this replica)")}, admin {r.Admin}")));
        }
        return rows;
    }

    private StatusRow Certificate(CertificateDocument certificate)
    {
        var name = $"certificate {certificate.Name}";
        if (certificate.Condition != CertificateCondition.Ready)
        {
            return new StatusRow(name, Condition.Failed, certificate.Message);
        }
        if (certificate.NotAfter is not { } notAfter)
        {
            return new StatusRow(name, Condition.Ready, certificate.Message);
        }
        var days = (int)Math.Floor((notAfter - time.GetUtcNow()).TotalDays);
        return new StatusRow(name, days < WarnDays ? Condition.Drifted : Condition.Ready,
            $"{certificate.Message}; {days.ToString(CultureInfo.InvariantCulture)} days left");
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

    private static string Short(string? hash) => hash is { Length: >= 12 } h ? h[..12] : "nothing";
}

public enum Condition
{
    Ready,
    Drifted,
    Failed,
}

public sealed record StatusRow(string Resource, Condition Condition, string Detail);
