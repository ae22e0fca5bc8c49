using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Every duration is one the daemon can serve: within its field's range (<see cref="DurationFields"/>), so
/// <c>gate validate</c> never accepts what YARP, a timer or the local CA would refuse later.</summary>
public sealed class DurationRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (path, text, limit) in DurationFields.Of(manifest.Spec))
        {
            if (text is null)
            {
                continue;
            }
            var range = $"from {CompactDurationConverter.Format(limit.Min)} to {CompactDurationConverter.Format(limit.Max)}";
            if (!Duration.TryParse(text, out var value))
            {
                yield return Diagnostic.Error(DiagnosticCodes.OutOfRange, $"'{path}' is {Shorten(text)}, which is not a duration HomelabGate can use",
                    manifest.Map.Value(path), $"use a value {range}: {limit.Why}");
            }
            else if (!limit.Allows(value))
            {
                yield return Diagnostic.Error(DiagnosticCodes.OutOfRange, $"'{path}' is {text}; it must be {range}",
                    manifest.Map.Value(path), limit.Why);
            }
        }
    }

    private static string Shorten(string text) => text.Length > 24 ? $"{text[..20]}…" : text;
}
