using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Providers;

/// <summary>What to observe: the given names (cheap per-name queries) or everything the provider can see
/// (a zone transfer for RFC 2136, the whole list for Pi-hole and hosts files).</summary>
public sealed record DnsObservationScope(IReadOnlyCollection<string>? Names)
{
    public static DnsObservationScope WholeZone { get; } = new((IReadOnlyCollection<string>?)null);

    public bool IsWholeZone => Names is null;

    public static DnsObservationScope ForNames(IEnumerable<string> names) =>
        new(names.Select(DnsNames.Absolute).Distinct(StringComparer.Ordinal).ToArray());
}
