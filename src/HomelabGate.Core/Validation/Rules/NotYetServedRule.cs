using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Parts of the manifest that are validated but whose behaviour this build does not carry out yet. They are
/// warnings, never silently ignored; each entry leaves this list when its feature lands.</summary>
public sealed class NotYetServedRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        foreach (var (name, stream) in spec.Streams.Where(s => s.Value.Certificate is not null))
        {
            yield return Warn(manifest, $"streams.{name}.certificate", "stream certificates (TLS termination)");
        }
    }

    private static Diagnostic Warn(LoadedManifest manifest, string path, string feature) =>
        Diagnostic.Warning(DiagnosticCodes.NotYetServed, $"{feature} are validated but not carried out by this version of gate",
            manifest.Map.Key(path), "the rest of the manifest is served; this part takes effect in a later version");
}
