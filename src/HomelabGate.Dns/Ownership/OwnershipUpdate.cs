using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>What an apply changed about ownership: record sets now ours (as written) and keys no longer ours.</summary>
public sealed record OwnershipUpdate(IReadOnlyList<DnsRecordSet> Claimed, IReadOnlyList<DnsRecordKey> Released)
{
    public bool IsEmpty => Claimed.Count == 0 && Released.Count == 0;
}
