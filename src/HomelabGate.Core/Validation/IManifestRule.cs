using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation;

/// <summary>One validation concern. Rules never stop at the first finding and never throw for user errors.</summary>
public interface IManifestRule
{
    /// <summary>True for a rule that reasons about what is absent (a host without an action, an admin address without a
    /// token): it runs only on a complete manifest, not on one with the schema's failures left out.</summary>
    bool NeedsCompleteManifest => false;

    IEnumerable<Diagnostic> Check(LoadedManifest manifest);
}
