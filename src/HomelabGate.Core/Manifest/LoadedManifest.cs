namespace HomelabGate.Core.Manifest;

/// <summary>A manifest that passed reading and the schema: the typed spec plus where each value came from.</summary>
public sealed record LoadedManifest(ManifestSpec Spec, SourceText Source, SourceMap Map, string ContentHash)
{
    /// <summary>The manifest's folder, against which relative paths resolve; null for a manifest read from memory.</summary>
    public string? Folder { get; init; }
}
