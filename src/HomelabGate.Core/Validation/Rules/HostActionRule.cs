using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>A host does exactly one thing: proxy to a pool (upstream), proxy to one URL (to), respond, or redirect. A
/// host's own <c>healthCheck</c> is for its <c>to:</c>; a named pool carries its own.</summary>
public sealed class HostActionRule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, host) in manifest.Spec.Hosts)
        {
            var chosen = new[] { ("upstream", host.Upstream is not null), ("to", host.To is not null),
                ("respond", host.Respond is not null), ("redirect", host.Redirect is not null) }
                .Where(a => a.Item2).Select(a => a.Item1).ToList();
            if (host.HealthCheck is not null && host.To is null)
            {
                yield return Diagnostic.Error(DiagnosticCodes.HostAction, $"host '{name}' has a healthCheck but no 'to:' for it to check",
                    manifest.Map.Key($"hosts.{name}.healthCheck"),
                    host.Upstream is { } pool ? $"move it to upstreams.{pool}.healthCheck" : "a health check needs a target: use it with to: http://ip:port");
            }
            if (chosen.Count == 1)
            {
                continue;
            }
            var path = ManifestPath.Property("hosts", name);
            yield return chosen.Count == 0
                ? Diagnostic.Error(DiagnosticCodes.HostAction, $"host '{name}' does not say what to do with requests",
                    manifest.Map.Key(path), "add one of: upstream: <pool>, to: http://ip:port, respond: {status: 200}, redirect: {to: https://…}")
                : Diagnostic.Error(DiagnosticCodes.HostAction, $"host '{name}' sets both {string.Join(" and ", chosen)}",
                    manifest.Map.Key(ManifestPath.Property(path, chosen[1])), $"keep only one of {string.Join(", ", chosen)}");
        }
    }
}
