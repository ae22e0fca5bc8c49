namespace HomelabGate.Import.Npm.Translation;

/// <summary>What could be carried over from a host's nginx <c>advanced_config</c>, and what could not (each directive
/// as written, with values of sensitive headers hidden).</summary>
internal sealed class AdvancedConfig
{
    public string? MaxBodySize { get; set; }

    public List<(string Name, string Value)> RequestAdd { get; init; } = [];

    public List<string> RequestRemove { get; init; } = [];

    public List<(string Name, string Value)> ResponseAdd { get; init; } = [];

    public List<string> ResponseRemove { get; init; } = [];

    /// <summary>Directives that became manifest keys, or need nothing in gate.</summary>
    public List<string> Translated { get; init; } = [];

    public List<string> Untranslated { get; init; } = [];

    /// <summary>Every directive, for places where none can be applied (locations, redirect and 404 hosts).</summary>
    public IReadOnlyList<string> AllDirectives => [.. Translated, .. Untranslated];

    public bool HasHeaders => RequestAdd.Count + RequestRemove.Count + ResponseAdd.Count + ResponseRemove.Count > 0;
}
