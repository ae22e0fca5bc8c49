using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Core.Manifest;

/// <summary>Where each value of the manifest came from, by path ("hosts.jellyfin.domains[0]"), so that schema errors and
/// rule findings about the normalized model can point back at the YAML the user wrote.</summary>
public sealed class SourceMap(string fileName)
{
    private readonly Dictionary<string, (int Line, int Column)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    public string FileName { get; } = fileName;

    internal void AddValue(string path, int line, int column) => _values.TryAdd(path, (line, column));

    internal void AddKey(string path, int line, int column) => _keys.TryAdd(path, (line, column));

    /// <summary>The value at <paramref name="path"/>, or the nearest enclosing value the user wrote.</summary>
    public SourceLocation Value(string path) => Find(_values, path);

    /// <summary>The key that introduces <paramref name="path"/> (for "unknown key" and "defined twice"), else the value.</summary>
    public SourceLocation Key(string path) =>
        _keys.TryGetValue(path, out var key) ? new SourceLocation(FileName, key.Line, key.Column) : Value(path);

    private SourceLocation Find(Dictionary<string, (int Line, int Column)> map, string path)
    {
        for (var current = path; ; current = ManifestPath.Parent(current))
        {
            if (map.TryGetValue(current, out var at))
            {
                return new SourceLocation(FileName, at.Line, at.Column);
            }
            if (current.Length == 0)
            {
                return new SourceLocation(FileName, 1, 1);
            }
        }
    }
}
