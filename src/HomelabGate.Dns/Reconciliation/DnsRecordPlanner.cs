using HomelabGate.Core.Engine;
using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>Pure: desired + observed + ownership → plan. Only records HomelabGate owns are updated or deleted;
/// a foreign record in the way is a conflict unless <c>adopt</c> is set.</summary>
public static class DnsRecordPlanner
{
    public static DnsPlan Plan(
        IReadOnlyList<DnsRecordSet> desired,
        IReadOnlyList<DnsRecordSet> observed,
        IReadOnlyDictionary<DnsRecordKey, OwnedRecord> owned,
        bool adopt) => Plan(desired, observed, owned, _ => adopt);

    /// <param name="adoptKey">Whether a foreign record at this key may be taken over (the manifest's per-record <c>adopt</c>).</param>
    public static DnsPlan Plan(
        IReadOnlyList<DnsRecordSet> desired,
        IReadOnlyList<DnsRecordSet> observed,
        IReadOnlyDictionary<DnsRecordKey, OwnedRecord> owned,
        Func<DnsRecordKey, bool> adoptKey)
    {
        var duplicate = desired.GroupBy(d => d.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{duplicate.Key} is desired more than once", nameof(desired));
        }
        var observedByKey = observed.ToDictionary(o => o.Key);
        var desiredByKey = desired.ToDictionary(d => d.Key);
        var changes = new List<DnsChange>();
        var conflicts = new List<DnsConflict>();
        var drift = new List<DnsDrift>();
        var adopted = new List<DnsRecordSet>();
        var released = new List<DnsRecordKey>();

        foreach (var want in desired)
        {
            var adopt = adoptKey(want.Key);
            var isOwned = owned.TryGetValue(want.Key, out var ownedRecord);
            observedByKey.TryGetValue(want.Key, out var have);
            if (isOwned)
            {
                AddDrift(drift, ownedRecord!, have);
            }
            if (CnameClash(want, observed, owned) is { } clash)
            {
                if (!adopt)
                {
                    conflicts.Add(new DnsConflict(want, clash, $"a {clash.Type} record HomelabGate did not create exists at {want.Name}; a CNAME cannot share its name"));
                    continue;
                }
                // Adopting means taking the name over, and the CNAME can only be written once the other record is gone.
                changes.Add(DnsChange.Delete(clash));
            }
            if (have is null)
            {
                changes.Add(DnsChange.Create(want));
            }
            else if (have == want)
            {
                if (!isOwned && adopt)
                {
                    adopted.Add(want);
                }
            }
            else if (isOwned || adopt)
            {
                changes.Add(DnsChange.Update(have, want));
            }
            else
            {
                conflicts.Add(new DnsConflict(want, have, $"a {have.Type} record HomelabGate did not create already exists with [{have.Values}] ttl {have.Ttl}; set adopt to take it over"));
            }
        }

        foreach (var (key, ownedRecord) in owned.Where(o => !desiredByKey.ContainsKey(o.Key)).OrderBy(o => o.Key.Name, StringComparer.Ordinal))
        {
            if (observedByKey.TryGetValue(key, out var have))
            {
                AddDrift(drift, ownedRecord, have);
                changes.Add(DnsChange.Delete(have));
            }
            else
            {
                released.Add(key);
            }
        }

        var ordered = changes.OrderBy(c => c.Action switch { DnsChangeAction.Delete => 0, DnsChangeAction.Update => 1, _ => 2 }).ToList();
        return new DnsPlan(ordered, conflicts, drift, adopted, released);
    }

    private static void AddDrift(List<DnsDrift> drift, OwnedRecord owned, DnsRecordSet? have)
    {
        if (have is null)
        {
            drift.Add(new DnsDrift(owned.Key, DnsDriftKind.DeletedOutOfBand, owned.LastApplied, null));
        }
        else if (owned.LastApplied is { } expected && expected != have)
        {
            drift.Add(new DnsDrift(owned.Key, DnsDriftKind.ChangedOutOfBand, expected, have));
        }
    }

    /// <summary>A CNAME must be alone at its name (RFC 1034 3.6.2): a foreign record of another type blocks it,
    /// and a foreign CNAME blocks any other type.</summary>
    private static DnsRecordSet? CnameClash(DnsRecordSet want, IReadOnlyList<DnsRecordSet> observed, IReadOnlyDictionary<DnsRecordKey, OwnedRecord> owned) =>
        observed.FirstOrDefault(o =>
            o.Name == want.Name
            && o.Type != want.Type
            && (want.Type == DnsRecordType.CNAME || o.Type == DnsRecordType.CNAME)
            && !owned.ContainsKey(o.Key));
}
