using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>A domain is served by one host only; otherwise which host answers would depend on order.</summary>
public sealed class DuplicateDomainRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var firstSeen = new Dictionary<string, (string Host, string Path)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, host) in manifest.Spec.Hosts)
        {
            for (var i = 0; i < host.Domains.Count; i++)
            {
                var domain = host.Domains[i].TrimEnd('.');
                var path = ManifestPath.Item($"hosts.{name}.domains", i);
                if (firstSeen.TryGetValue(domain, out var first))
                {
                    var firstLine = manifest.Map.Value(first.Path).Line;
                    var where = first.Host == name ? $"twice in host '{name}'" : $"in hosts '{first.Host}' and '{name}'";
                    yield return Diagnostic.Error(DiagnosticCodes.DuplicateDomain,
                        $"domain '{domain}' is defined {where} (also at line {firstLine})", manifest.Map.Value(path),
                        "each domain belongs to one host; remove it here or there");
                    continue;
                }
                firstSeen[domain] = (name, path);
            }
        }
    }
}
