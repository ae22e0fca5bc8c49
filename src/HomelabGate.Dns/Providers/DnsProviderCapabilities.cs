using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Providers;

/// <summary>What a provider can store. Hosts files and Pi-hole have no TTLs, so their record sets always carry
/// TTL 0 and desired sets are compared with TTL 0 too (otherwise every plan would show a false update).</summary>
public sealed record DnsProviderCapabilities(IReadOnlySet<DnsRecordType> Types, bool SupportsTtl)
{
    public DnsRecordSet Normalize(DnsRecordSet set) => SupportsTtl ? set : set.WithTtl(0);
}
