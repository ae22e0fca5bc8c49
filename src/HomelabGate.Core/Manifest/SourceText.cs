using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Core.Manifest;

/// <summary>The manifest's text with its display name, kept so diagnostics can quote the offending line. Lines end at
/// LF, CRLF or a lone CR, as in YAML and in editors, so a position the YAML parser reports is a position here.</summary>
public sealed class SourceText
{
    private readonly List<int> _starts = [0];

    public SourceText(string fileName, string text)
    {
        FileName = fileName;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                _starts.Add(i + 1);
            }
        }
    }

    public string FileName { get; }

    public string Text { get; }

    public int LineCount => _starts.Count;

    /// <summary>The 1-based line without its line ending, or null past the end.</summary>
    public string? Line(int line)
    {
        if (line < 1 || line > _starts.Count)
        {
            return null;
        }
        var start = _starts[line - 1];
        var end = line < _starts.Count ? _starts[line] : Text.Length;
        return Text[start..end].TrimEnd('\n').TrimEnd('\r');
    }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var index = _starts.BinarySearch(Math.Clamp(offset, 0, Text.Length));
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }

    /// <summary>A location for a position another component reported, kept inside the file: a line past the end
    /// becomes the end of the last line, a column past a line's end becomes just after its last character.</summary>
    public SourceLocation Locate(long line, long column)
    {
        if (line > _starts.Count)
        {
            return new SourceLocation(FileName, _starts.Count, LineLength(_starts.Count) + 1);
        }
        var at = (int)Math.Max(1, line);
        return new SourceLocation(FileName, at, (int)Math.Clamp(column, 1, LineLength(at) + 1));
    }

    /// <summary>Without copying the line: positions are located once per value, and a flow list can be one long line.</summary>
    private int LineLength(int line)
    {
        var end = line < _starts.Count ? _starts[line] : Text.Length;
        while (end > _starts[line - 1] && Text[end - 1] is '\n' or '\r')
        {
            end--;
        }
        return end - _starts[line - 1];
    }
}
