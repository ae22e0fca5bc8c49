using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Warns about names under <c>.local</c>: phones and laptops resolve them with multicast DNS (RFC 6762) and never
/// ask your DNS server, so such a host works on some devices only. <c>home.arpa</c> (RFC 8375) is meant for this.</summary>
public sealed class MulticastDnsNameRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var names = new List<(string Path, string Name)>();
        foreach (var (host, spec) in manifest.Spec.Hosts)
        {
            names.AddRange(spec.Domains.Select((d, i) => (ManifestPath.Item($"hosts.{host}.domains", i), d)));
        }
        foreach (var (certificate, spec) in manifest.Spec.Certificates)
        {
            names.AddRange((spec.Domains ?? []).Select((d, i) => (ManifestPath.Item($"certificates.{certificate}.domains", i), d)));
        }
        names.AddRange((manifest.Spec.Dns?.Records ?? []).Select((r, i) => ($"dns.records[{i}].name", r.Name)));
        foreach (var (path, name) in names.Where(n => IsLocal(n.Name)))
        {
            var label = name.TrimEnd('.');
            yield return Diagnostic.Warning(DiagnosticCodes.MulticastDnsName,
                $"'{name}' ends in .local, which devices resolve with multicast DNS (RFC 6762), not through your DNS server",
                manifest.Map.Value(path), $"use home.arpa (RFC 8375), e.g. '{label[..^".local".Length]}.home.arpa'");
        }
    }

    private static bool IsLocal(string name)
    {
        var trimmed = name.TrimEnd('.');
        return trimmed.EndsWith(".local", StringComparison.OrdinalIgnoreCase) && trimmed.Length > ".local".Length;
    }
}
