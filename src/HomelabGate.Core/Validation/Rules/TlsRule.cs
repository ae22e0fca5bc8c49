using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>TLS settings that are legal but would surprise: an HTTPS listener with nothing to serve, forceHttps without an
/// HTTPS listener, a host whose certificate does not cover its names, and more than one local CA (there is one per
/// state directory, so two issuers would silently share it).</summary>
public sealed class TlsRule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        var https = spec.Settings.Listen?.Https;
        if (https is not null && spec.Certificates.Count == 0)
        {
            yield return Diagnostic.Warning(DiagnosticCodes.TlsSettings, "the HTTPS listener has no certificates to serve; every handshake will be refused",
                manifest.Map.Value("settings.listen.https"), "add a certificate (e.g. issuer: local) and name it in the hosts that use HTTPS");
        }
        foreach (var (name, host) in spec.Hosts)
        {
            if (host.ForceHttps == true && https is null)
            {
                yield return Diagnostic.Error(DiagnosticCodes.TlsSettings, $"host '{name}' sets forceHttps but there is no HTTPS listener",
                    manifest.Map.Value($"hosts.{name}.forceHttps"), "add settings.listen.https, e.g. \"0.0.0.0:8443\"");
            }
            if (host.Certificate is { } certificateName && spec.Certificates.TryGetValue(certificateName, out var certificate) && certificate.Domains is { } covered)
            {
                foreach (var domain in host.Domains.Where(d => !Covers(covered, d)))
                {
                    yield return Diagnostic.Warning(DiagnosticCodes.TlsSettings, $"certificate '{certificateName}' does not cover '{domain}' of host '{name}'; browsers will warn",
                        manifest.Map.Value($"hosts.{name}.certificate"), $"add '{domain}' (or a wildcard) to certificates.{certificateName}.domains");
                }
            }
        }
        var localCas = spec.Issuers.Where(i => i.Value.Type == "local-ca").Select(i => i.Key).ToList();
        if (localCas.Count > 1)
        {
            yield return Diagnostic.Error(DiagnosticCodes.TlsSettings, $"there are {localCas.Count} local-ca issuers ({string.Join(", ", localCas)}); a state directory holds one local CA",
                manifest.Map.Key($"issuers.{localCas[1]}"), "keep one local-ca issuer and point every local certificate at it");
        }
    }

    /// <summary>Whether a certificate's names cover a host name: exactly, or by a wildcard one label up.</summary>
    public static bool Covers(IEnumerable<string> certificateNames, string hostName)
    {
        var name = hostName.TrimEnd('.').ToLowerInvariant();
        var parent = name.Contains('.') ? name[(name.IndexOf('.') + 1)..] : null;
        return certificateNames.Select(n => n.TrimEnd('.').ToLowerInvariant())
            .Any(n => n == name || (parent is not null && n == $"*.{parent}" && !name.StartsWith("*.", StringComparison.Ordinal)));
    }
}
