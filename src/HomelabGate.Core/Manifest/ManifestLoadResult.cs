using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Core.Manifest;

/// <summary>The outcome of loading: the manifest when it is usable, and every diagnostic found on the way.</summary>
public sealed record ManifestLoadResult(LoadedManifest? Manifest, SourceText? Source, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Manifest is not null && !Diagnostics.Any(d => d.IsError);
}
