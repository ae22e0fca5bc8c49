using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>A desired record set that HomelabGate will not write because a record it did not create is in the way.
/// Set <c>adopt</c> to take the existing record over.</summary>
public sealed record DnsConflict(DnsRecordSet Desired, DnsRecordSet Existing, string Reason)
{
    public override string ToString() => $"{Desired.Key}: {Reason}";
}
