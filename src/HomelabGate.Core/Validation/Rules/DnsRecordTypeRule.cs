using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Every record's type is one the configured provider can hold (Pi-hole has no TXT records, a hosts file only
/// addresses), so <c>gate apply</c> does not fail on what <c>gate validate</c> accepted.</summary>
public sealed class DnsRecordTypeRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        if (manifest.Spec.Dns is not { Provider.Type: { Length: > 0 } provider } dns)
        {
            yield break;
        }
        var supported = DnsProviderTypes.Supported(provider);
        var records = dns.Records ?? [];
        for (var i = 0; i < records.Count; i++)
        {
            if (!supported.Contains(records[i].Type, StringComparer.Ordinal))
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidDnsRecord,
                    $"{records[i].Type} record '{records[i].Name}': the {provider} provider cannot hold {records[i].Type} records",
                    manifest.Map.Value($"dns.records[{i}].type"),
                    $"{provider} holds {string.Join(", ", supported)} records; remove this one or keep it in a DNS server that takes RFC 2136 updates");
            }
        }
    }
}
