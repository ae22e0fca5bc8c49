using HomelabGate.Dns.Providers;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>What an apply did: the plan it carried out (conflicts in it were left alone).</summary>
public sealed record DnsApplyResult(DnsPlan Plan)
{
    public IReadOnlyList<DnsChange> Applied => Plan.Changes;
}
