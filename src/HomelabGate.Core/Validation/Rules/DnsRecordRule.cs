using System.Net;
using System.Net.Sockets;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>DNS record values fit their type, names are valid, a name is not listed twice with the same type and value,
/// and a CNAME stands alone at its name (RFC 1034 §3.6.2).</summary>
public sealed class DnsRecordRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var dns = manifest.Spec.Dns;
        if (dns is null)
        {
            yield break;
        }
        if (dns.Auto is { } auto && !IPAddress.TryParse(auto.Target, out _))
        {
            yield return Diagnostic.Error(DiagnosticCodes.InvalidDnsRecord, $"dns.auto.target '{auto.Target}' is not an IP address",
                manifest.Map.Value("dns.auto.target"), "write the address every host name should resolve to, e.g. 100.64.0.10");
        }
        var seen = new Dictionary<(string, string, string), int>();
        var types = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var records = dns.Records ?? [];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var path = ManifestPath.Item("dns.records", i);
            var name = record.Name.TrimEnd('.').ToLowerInvariant();
            if (DomainName.Problem(name, allowWildcard: true) is { } nameProblem)
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidHostName, $"'{record.Name}' is not a valid DNS name: {nameProblem}",
                    manifest.Map.Value($"{path}.name"), "e.g. jellyfin.home.test");
            }
            if (ValueProblem(record) is { } valueProblem)
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidDnsRecord, $"{record.Type} record '{record.Name}': {valueProblem}",
                    manifest.Map.Value($"{path}.value"), record.Type switch
                    {
                        "A" => "an A record holds an IPv4 address like 100.64.0.10",
                        "AAAA" => "an AAAA record holds an IPv6 address like fd7a:115c:a1e0::1",
                        _ => "a CNAME holds a host name like nas.home.test",
                    });
            }
            var key = (name, record.Type, record.Value);
            if (seen.TryGetValue(key, out var first))
            {
                yield return Diagnostic.Error(DiagnosticCodes.DuplicateDnsRecord, $"{record.Type} record '{record.Name}' → '{record.Value}' is listed twice",
                    manifest.Map.Value(path), $"remove one (the other is at line {manifest.Map.Value(ManifestPath.Item("dns.records", first)).Line})");
            }
            seen.TryAdd(key, i);
            var atName = types.TryGetValue(name, out var set) ? set : types[name] = [];
            atName.Add(record.Type);
            if (atName.Contains("CNAME") && atName.Count > 1)
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidDnsRecord, $"'{record.Name}' has a CNAME and other records",
                    manifest.Map.Value(path), "a CNAME must be the only record at its name; use an A record instead");
            }
        }
    }

    private static string? ValueProblem(DnsRecordSpec record) => record.Type switch
    {
        "A" => IPAddress.TryParse(record.Value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork ? null : $"'{record.Value}' is not an IPv4 address",
        "AAAA" => IPAddress.TryParse(record.Value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? null : $"'{record.Value}' is not an IPv6 address",
        "CNAME" => DomainName.Problem(record.Value, allowWildcard: false) is { } p ? $"'{record.Value}' is not a host name ({p})" : null,
        _ => record.Value.Length > 4000 ? "the TXT value is longer than 4000 characters" : null,
    };
}
