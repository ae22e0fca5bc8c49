using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;
using HomelabGate.Core.Status;
using HomelabGate.Status;

namespace HomelabGate.Application;

/// <summary><c>gate drift</c>: the engine's plan against what is observed, read as drift — DNS records changed or
/// deleted out of band, certificates due or broken on disk, record and proxy changes not applied yet — plus what only a
/// running daemon knows: whether it serves this manifest's content, and which targets are unhealthy.</summary>
public sealed class DriftDetector
{
    public DriftReport Detect(PipelineResult manifest, Plan plan, StatusDocument? daemon)
    {
        var items = new List<DriftItem>();
        var problems = new List<string>();
        if (!manifest.Succeeded)
        {
            items.Add(new DriftItem("manifest", "the manifest is invalid; the last good configuration is still served",
                Found: daemon?.ServingManifestHash is { } served ? $"serving manifest {Short(served)}" : "nothing applied", Repairable: false));
            return new DriftReport(items, problems);
        }
        var desired = manifest.Desired!;
        if (daemon is not null)
        {
            if (daemon.ServingContentHash != desired.ContentHash())
            {
                items.Add(new DriftItem("proxy", "the daemon serves a configuration that differs from the manifest", Short(desired.ContentHash()),
                    daemon.ServingContentHash is { } hash ? Short(hash) : "none"));
            }
            var shared = desired.SharedContentHash();
            items.AddRange((daemon.Cluster?.Replicas ?? []).Where(r => r.ContentHash != shared).Select(r => new DriftItem($"replica {r.Id}",
                "serves a configuration that differs from the manifest (an older manifest?)", Short(shared), r.ContentHash is { } h ? Short(h) : "none",
                Repairable: false)));
            items.AddRange(daemon.Upstreams.SelectMany(u => u.Targets.Where(t => t.Health == TargetHealth.Unhealthy)
                .Select(t => new DriftItem(u.Owner ?? $"upstream {u.Name}", $"target {t.Url} is unhealthy{(t.Problem is { } problem ? $": {problem}" : "")}",
                    "healthy", "unhealthy", Repairable: false))));
        }
        problems.AddRange(plan.Notes.Where(n => !n.StartsWith("DNS conflict", StringComparison.Ordinal)));
        items.AddRange(plan.Notes.Where(n => n.StartsWith("DNS conflict", StringComparison.Ordinal)).Select(n => new DriftItem("dns", n, null, null, Repairable: false)));
        foreach (var change in plan.Changes)
        {
            var isProxy = change.Id.Kind is ResourceKind.Settings or ResourceKind.Upstream or ResourceKind.AccessList or ResourceKind.Host;
            if (isProxy && daemon is not null)
            {
                continue; // the daemon's served content hash (above) speaks for the proxy
            }
            items.Add(new DriftItem(change.Id.ToString(), change.Cause == ChangeCause.Manifest ? $"not applied yet ({change.Action.Word()}): {change.Reason}" : change.Reason,
                change.After?.Summary, change.Before?.Summary));
        }
        return new DriftReport(items, problems);
    }

    private static string Short(string hash) => hash[..Math.Min(12, hash.Length)];
}
