namespace HomelabGate.Dns.Reconciliation;

/// <summary><paramref name="Adopt"/>: take over existing records that HomelabGate did not create instead of
/// reporting them as conflicts.</summary>
public sealed record DnsReconcilerOptions(bool Adopt = false, IReadOnlySet<Records.DnsRecordKey>? AdoptOnly = null)
{
    public bool ShouldAdopt(Records.DnsRecordKey key) => Adopt || AdoptOnly?.Contains(key) == true;
}
