using System.Net;
using System.Net.Sockets;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

/// <summary>Groups the manifest's DNS records into RRsets and derives <c>dns.auto</c> records: one A/AAAA per
/// non-wildcard host domain, unless the manifest lists that name explicitly (explicit wins).</summary>
internal static class DnsRecordBuilder
{
    public static IEnumerable<DnsRecord> Build(ManifestSpec spec)
    {
        if (spec.Dns is null)
        {
            return [];
        }
        var explicitRecords = (spec.Dns.Records ?? [])
            .GroupBy(r => (Name: DesiredStateBuilder.NormalizeDomain(r.Name), r.Type))
            .Select(g => new DnsRecord
            {
                Name = g.Key.Name,
                Type = g.Key.Type,
                Values = new(g.Select(r => r.Value.Trim()).Distinct().Order(StringComparer.Ordinal)),
                Ttl = g.Min(r => r.Ttl ?? 300),
                Adopt = g.Any(r => r.Adopt == true),
            })
            .ToList();
        if (spec.Dns.Auto is { } auto && IPAddress.TryParse(auto.Target, out var target))
        {
            var type = target.AddressFamily == AddressFamily.InterNetworkV6 ? "AAAA" : "A";
            var named = explicitRecords.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var derived = spec.Hosts.Values.SelectMany(h => h.Domains)
                .Select(DesiredStateBuilder.NormalizeDomain)
                .Where(d => !d.StartsWith("*.", StringComparison.Ordinal) && !named.Contains(d))
                .Distinct()
                .Select(d => new DnsRecord { Name = d, Type = type, Values = new([target.ToString()]), Ttl = auto.Ttl ?? 300 });
            explicitRecords.AddRange(derived);
        }
        return explicitRecords;
    }
}
