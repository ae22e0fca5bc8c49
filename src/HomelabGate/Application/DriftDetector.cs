using HomelabGate.Core.Desired;
using HomelabGate.Core.Status;
using HomelabGate.Integration;

namespace HomelabGate.Application;

/// <summary><c>gate drift</c>: observes each system and compares it with the manifest — DNS records through the
/// provider (the same plan as apply), certificates on disk through the renewal rules, and the running daemon's
/// configuration and upstream health through its admin API.</summary>
public sealed class DriftDetector(CertificateCheck certificates, Func<string, DnsStep> dnsFor, DaemonClient daemon)
{
    public async Task<DriftReport> DetectAsync(PipelineResult manifest, string stateDir, CancellationToken cancellationToken)
    {
        var items = new List<DriftItem>();
        var problems = new List<string>();
        var running = await daemon.StatusAsync(stateDir, cancellationToken);
        if (!manifest.Succeeded)
        {
            items.Add(new DriftItem("manifest", "the manifest is invalid; the last good configuration is still served",
                Found: running?.ServingHash is { } served ? $"serving manifest {served[..12]}" : "nothing applied", Repairable: false));
            return new DriftReport(items, problems);
        }
        var desired = manifest.Desired!;
        var hash = manifest.Load.Manifest!.ContentHash;
        if (running is not null)
        {
            if (running.ServingHash != hash)
            {
                items.Add(new DriftItem("proxy", "the daemon serves an older manifest", hash[..12], running.ServingHash?[..Math.Min(12, running.ServingHash.Length)] ?? "none"));
            }
            items.AddRange(running.UnhealthyTargets.Select(t => new DriftItem($"upstream {t.Pool}", $"target {t.Url} is unhealthy", "healthy", "unhealthy", Repairable: false)));
        }
        var dns = await dnsFor(stateDir).RunAsync(desired, apply: false, cancellationToken);
        if (dns.Error is { } error)
        {
            problems.Add($"DNS ({dns.Provider}) could not be observed: {error}");
        }
        else if (dns.Plan is { } plan)
        {
            items.AddRange(plan.Drift.Select(d => new DriftItem($"dns {d.Key.Type} {d.Key.Name.TrimEnd('.')}",
                d.Kind == Dns.Reconciliation.DnsDriftKind.DeletedOutOfBand ? "deleted out of band" : "changed out of band",
                d.Expected?.Values.ToString(), d.Observed?.Values.ToString())));
            items.AddRange(plan.Changes.Where(c => !plan.Drift.Any(d => d.Key == c.Key)).Select(c => new DriftItem(
                $"dns {c.Key.Type} {c.Key.Name.TrimEnd('.')}", $"not applied yet ({c.Action.ToString().ToLowerInvariant()})", c.After?.Values.ToString(), c.Before?.Values.ToString())));
            items.AddRange(plan.Conflicts.Select(c => new DriftItem($"dns {c.Desired.Key.Type} {c.Desired.Name.TrimEnd('.')}", c.Reason,
                c.Desired.Values.ToString(), c.Existing.Values.ToString(), Repairable: false)));
        }
        items.AddRange(certificates.Evaluate(desired, stateDir).Select(f => new DriftItem($"certificate {f.Certificate.Name}", f.Reason.Message,
            string.Join(", ", f.Certificate.Domains), f.Found)));
        return new DriftReport(items, problems);
    }
}
