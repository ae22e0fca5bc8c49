using System.Net;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Host and certificate domains are valid DNS names; a wildcard is only a whole leftmost label ("*.home.test").
/// Certificates may also name IP addresses (they become IP SANs).</summary>
public sealed class HostNameRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, host) in manifest.Spec.Hosts)
        {
            for (var i = 0; i < host.Domains.Count; i++)
            {
                if (DomainName.Problem(host.Domains[i], allowWildcard: true) is { } problem)
                {
                    yield return Invalid(manifest, host.Domains[i], problem, ManifestPath.Item($"hosts.{name}.domains", i));
                }
            }
        }
        foreach (var (name, certificate) in manifest.Spec.Certificates)
        {
            for (var i = 0; i < (certificate.Domains?.Count ?? 0); i++)
            {
                var domain = certificate.Domains![i];
                if (!IPAddress.TryParse(domain, out _) && DomainName.Problem(domain, allowWildcard: true) is { } problem)
                {
                    yield return Invalid(manifest, domain, problem, ManifestPath.Item($"certificates.{name}.domains", i));
                }
            }
        }
    }

    private static Diagnostic Invalid(LoadedManifest manifest, string domain, string problem, string path) =>
        Diagnostic.Error(DiagnosticCodes.InvalidHostName, $"'{domain}' is not a valid host name: {problem}", manifest.Map.Value(path),
            "use letters, digits and '-' in dot-separated labels, e.g. jellyfin.home.test or *.home.test");
}
