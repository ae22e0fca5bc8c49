using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>A host's <c>maxBodySize</c> is from 1 byte to 1024GB: a larger number overflows, and 0 would refuse every
/// request body (nginx reads 0 as "no limit"; here that is leaving the key out).</summary>
public sealed class SizeRule : IManifestRule
{
    public const long Maximum = 1024L << 30;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, host) in manifest.Spec.Hosts)
        {
            if (host.MaxBodySize is { } text && !(Duration.TryParseSize(text, out var bytes) && bytes is >= 1 and <= Maximum))
            {
                yield return Diagnostic.Error(DiagnosticCodes.OutOfRange, $"'hosts.{name}.maxBodySize' is {text}; it must be from 1B to 1024GB",
                    manifest.Map.Value($"hosts.{name}.maxBodySize"), "e.g. 10MB or 4GB; leave it out for no limit (nginx's 0 for 'no limit' is leaving the key out here)");
            }
        }
    }
}
