using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;

namespace HomelabGate.Core.Planning;

/// <summary>Pure and deterministic: the manifest against what was observed. DNS changes come from the provider (drift
/// repairs included) when it was read, else from the last applied records; certificates are created, replaced or renewed
/// by the certificate system's verdict; proxy resources are compared with what the proxy serves. Creates and updates run
/// in kind order (DNS → certificates → proxy); deletes run afterwards in reverse, so nothing is removed while in use.</summary>
public static class Planner
{
    private static readonly ResourceKind[] ProxyKinds = [ResourceKind.Settings, ResourceKind.Upstream, ResourceKind.AccessList, ResourceKind.Host];

    public static Plan Plan(DesiredState desired, Observation observed)
    {
        var notes = new List<string>();
        var changes = new List<ResourceChange>();
        changes.AddRange(DnsChanges(desired, observed, notes));
        changes.AddRange(Diff(desired, observed.Applied, [ResourceKind.Issuer]));
        changes.AddRange(CertificateChanges(desired, observed));
        changes.AddRange(Diff(desired, observed.Served, ProxyKinds));
        return Order(changes, notes);
    }

    /// <summary>The resource-only comparison: what it takes to go from <paramref name="current"/> to <paramref name="desired"/>.</summary>
    public static Plan Diff(DesiredState desired, DesiredState current) =>
        Order(Diff(desired, current, Enum.GetValues<ResourceKind>()), []);

    private static Plan Order(IEnumerable<ResourceChange> changes, IEnumerable<string> notes)
    {
        var all = changes.ToList();
        var forward = all.Where(c => c.Action != ChangeAction.Delete).OrderBy(c => c.Id);
        var deletes = all.Where(c => c.Action == ChangeAction.Delete).OrderByDescending(c => c.Id);
        return new Plan(new ValueList<ResourceChange>(forward.Concat(deletes)), new ValueList<string>(notes));
    }

    private static IEnumerable<ResourceChange> Diff(DesiredState desired, DesiredState current, IReadOnlyCollection<ResourceKind> kinds)
    {
        var wanted = desired.Resources.Where(r => kinds.Contains(r.Id.Kind)).ToDictionary(r => r.Id);
        var existing = current.Resources.Where(r => kinds.Contains(r.Id.Kind)).ToDictionary(r => r.Id);
        foreach (var (id, after) in wanted)
        {
            if (!existing.TryGetValue(id, out var before))
            {
                yield return new ResourceChange(id, ChangeAction.Create, null, after, ChangeReasons.New);
            }
            else if (!before.Equals(after))
            {
                yield return new ResourceChange(id, after.MustReplace(before) ? ChangeAction.Replace : ChangeAction.Update, before, after,
                    ChangeReasons.Changed(before, after));
            }
        }
        foreach (var (id, before) in existing.Where(p => !wanted.ContainsKey(p.Key)))
        {
            yield return new ResourceChange(id, ChangeAction.Delete, before, null, ChangeReasons.Removed(id.Kind));
        }
    }

    private static IEnumerable<ResourceChange> DnsChanges(DesiredState desired, Observation observed, List<string> notes)
    {
        var dns = observed.Dns;
        if (dns.Status != DnsObservationStatus.Observed)
        {
            if (dns.IsConfigured)
            {
                notes.Add($"DNS ({dns.Provider}) was not read: {dns.Problem}; record changes are against the last applied state.");
            }
            return Diff(desired, observed.Applied, [ResourceKind.DnsRecord]);
        }
        notes.AddRange(dns.Conflicts.Select(c => $"DNS conflict, left alone: {c}"));
        return dns.Changes.Select(c => new ResourceChange(c.Id, c.Action, c.Before, c.After, ChangeReasons.Dns(c, observed.Applied), DnsCause(c, observed.Applied)));
    }

    private static IEnumerable<ResourceChange> CertificateChanges(DesiredState desired, Observation observed)
    {
        var applied = observed.Applied.All<Certificate>().ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var certificate in desired.All<Certificate>())
        {
            var observation = observed.Certificate(certificate.Name);
            var due = observation?.Due;
            if (!applied.Remove(certificate.Name, out var before))
            {
                yield return new ResourceChange(certificate.Id, ChangeAction.Create, null, certificate, ChangeReasons.Waiting(ChangeReasons.NewCertificate(due), observation));
            }
            else if (!before.Equals(certificate))
            {
                var action = certificate.MustReplace(before) ? ChangeAction.Replace : ChangeAction.Update;
                yield return new ResourceChange(certificate.Id, action, before, certificate,
                    ChangeReasons.Waiting(ChangeReasons.WithDue(ChangeReasons.Changed(before, certificate), due), observation));
            }
            else if (due is not null)
            {
                yield return new ResourceChange(certificate.Id, ChangeAction.Renew, before, certificate, ChangeReasons.Waiting(due.Message, observation),
                    due.IsDrift ? ChangeCause.Drift : ChangeCause.Due);
            }
        }
        foreach (var gone in applied.Values)
        {
            yield return new ResourceChange(gone.Id, ChangeAction.Delete, gone, null, ChangeReasons.Removed(ResourceKind.Certificate));
        }
    }

    /// <summary>A DNS change is drift when the provider no longer holds what was applied: a repair, not an edit.</summary>
    private static ChangeCause DnsCause(DnsRecordChange change, DesiredState applied) =>
        change.Drift is not null || (change.After is { } after && applied.Resources.Contains(after)) ? ChangeCause.Drift : ChangeCause.Manifest;
}
