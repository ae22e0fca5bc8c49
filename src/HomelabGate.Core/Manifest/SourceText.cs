namespace HomelabGate.Core.Manifest;

/// <summary>The manifest's text with its display name, kept so diagnostics can quote the offending line.</summary>
public sealed class SourceText(string fileName, string text)
{
    private readonly string[] _lines = text.Split('\n');

    public string FileName { get; } = fileName;

    public string Text { get; } = text;

    /// <summary>The 1-based line without its line ending, or null past the end.</summary>
    public string? Line(int line) =>
        line >= 1 && line <= _lines.Length ? _lines[line - 1].TrimEnd('\r') : null;
}
