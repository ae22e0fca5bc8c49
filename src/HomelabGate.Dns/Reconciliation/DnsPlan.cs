using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>The result of planning: changes in a safe order (deletes, updates, creates), conflicts left alone,
/// drift found, foreign records taken over with <c>adopt</c>, and ownership entries to forget (the record is gone
/// and no longer wanted).</summary>
public sealed record DnsPlan(
    IReadOnlyList<DnsChange> Changes,
    IReadOnlyList<DnsConflict> Conflicts,
    IReadOnlyList<DnsDrift> Drift,
    IReadOnlyList<DnsRecordSet> Adopted,
    IReadOnlyList<DnsRecordKey> Released)
{
    public bool HasChanges => Changes.Count > 0 || Adopted.Count > 0 || Released.Count > 0;

    public int Count(DnsChangeAction action) => Changes.Count(c => c.Action == action);

    /// <summary>Terraform's summary line, e.g. "Plan: 2 to add, 1 to change, 0 to destroy."</summary>
    public string Summary => Changes.Count == 0
        ? "No changes. DNS records match the configuration."
        : $"Plan: {Count(DnsChangeAction.Create)} to add, {Count(DnsChangeAction.Update)} to change, {Count(DnsChangeAction.Delete)} to destroy.";
}
