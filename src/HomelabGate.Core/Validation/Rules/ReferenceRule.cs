using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Every name a host, location, certificate or stream refers to exists, with "did you mean" for typos.</summary>
public sealed class ReferenceRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        var found = new List<Diagnostic>();
        void Expect(string? name, string kind, string section, IEnumerable<string> known, string path)
        {
            if (name is null || known.Contains(name, StringComparer.Ordinal))
            {
                return;
            }
            var suggestion = Suggestions.DidYouMean(name, known);
            var hint = suggestion ?? (known.Any()
                ? $"defined {kind}s: {string.Join(", ", known)}"
                : $"define it under '{section}:'");
            found.Add(Diagnostic.Error(DiagnosticCodes.UnknownReference, $"unknown {kind} '{name}'", manifest.Map.Value(path), hint));
        }
        foreach (var (name, host) in spec.Hosts)
        {
            var path = ManifestPath.Property("hosts", name);
            Expect(host.Upstream, "upstream", "upstreams", spec.Upstreams.Keys, ManifestPath.Property(path, "upstream"));
            Expect(host.Certificate, "certificate", "certificates", spec.Certificates.Keys, ManifestPath.Property(path, "certificate"));
            Expect(host.AccessList, "access list", "accessLists", spec.AccessLists.Keys, ManifestPath.Property(path, "accessList"));
            for (var i = 0; i < (host.Locations?.Count ?? 0); i++)
            {
                var location = ManifestPath.Item(ManifestPath.Property(path, "locations"), i);
                Expect(host.Locations![i].Upstream, "upstream", "upstreams", spec.Upstreams.Keys, ManifestPath.Property(location, "upstream"));
            }
        }
        Expect(spec.Settings.DefaultCertificate, "certificate", "certificates", spec.Certificates.Keys, "settings.defaultCertificate");
        foreach (var (name, certificate) in spec.Certificates)
        {
            Expect(certificate.Issuer, "issuer", "issuers", spec.Issuers.Keys, $"certificates.{name}.issuer");
        }
        foreach (var (name, stream) in spec.Streams)
        {
            Expect(stream.Certificate, "certificate", "certificates", spec.Certificates.Keys, $"streams.{name}.certificate");
        }
        return found;
    }
}
