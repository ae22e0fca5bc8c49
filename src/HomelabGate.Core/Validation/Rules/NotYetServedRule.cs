using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Parts of the manifest that are validated but whose behaviour this build does not carry out yet. They are
/// warnings, never silently ignored; each entry leaves this list when its feature lands.</summary>
public sealed class NotYetServedRule : IManifestRule
{
    private static readonly (string Key, string Feature)[] HostFeatures =
    [
        ("forwardAuth", "forward auth"), ("rateLimit", "rate limits"), ("compression", "compression"),
    ];

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        foreach (var (name, host) in spec.Hosts)
        {
            var present = new Dictionary<string, bool>
            {
                ["forwardAuth"] = host.ForwardAuth is not null, ["rateLimit"] = host.RateLimit is not null,
                ["compression"] = host.Compression is not null,
            };
            foreach (var (key, feature) in HostFeatures.Where(f => present[f.Key]))
            {
                yield return Warn(manifest, $"hosts.{name}.{key}", feature);
            }
        }
        if (spec.Streams.Count > 0)
        {
            yield return Warn(manifest, "streams", "TCP streams");
        }
    }

    private static Diagnostic Warn(LoadedManifest manifest, string path, string feature) =>
        Diagnostic.Warning(DiagnosticCodes.NotYetServed, $"{feature} are validated but not carried out by this version of gate",
            manifest.Map.Key(path), "the rest of the manifest is served; this part takes effect in a later version");
}
