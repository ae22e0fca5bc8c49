using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Parts of the manifest that are validated but whose behaviour this build does not carry out yet. They are
/// warnings (<see cref="DiagnosticCodes.NotYetServed"/>), never silently ignored; each entry leaves this list when its
/// feature lands. Empty since stream certificates (TLS termination on TCP streams) landed.</summary>
public sealed class NotYetServedRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest) => [];
}
