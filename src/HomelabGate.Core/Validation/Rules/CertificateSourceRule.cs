using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>A certificate is either issued (issuer + domains) or imported (files), not both and not neither.</summary>
public sealed class CertificateSourceRule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, certificate) in manifest.Spec.Certificates)
        {
            var issued = certificate.Issuer is not null || certificate.Domains is not null;
            var imported = certificate.Files is not null;
            var path = $"certificates.{name}";
            if (issued && imported)
            {
                yield return Diagnostic.Error(DiagnosticCodes.HostAction, $"certificate '{name}' has both an issuer and files",
                    manifest.Map.Key($"{path}.files"), "either issue it (issuer + domains) or import it (files), not both");
            }
            else if (!imported && (certificate.Issuer is null || certificate.Domains is null))
            {
                var missing = certificate.Issuer is null ? "issuer" : "domains";
                yield return Diagnostic.Error(DiagnosticCodes.MissingKey, $"certificate '{name}' needs '{missing}'",
                    manifest.Map.Key(path), "write issuer: <name> and domains: [...], or files: { cert: …, key: … }");
            }
        }
    }
}
