using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation;

/// <summary>One validation concern. Rules never stop at the first finding and never throw for user errors.</summary>
public interface IManifestRule
{
    IEnumerable<Diagnostic> Check(LoadedManifest manifest);
}
