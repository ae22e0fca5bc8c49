using System.Text;

namespace HomelabGate.Fuzzing;

/// <summary>The oracle for "inside the file": the lines of the manifest as an editor shows them (UTF-8, a leading BOM
/// dropped, lines ended by LF, CRLF or a lone CR). Independent of the loader's own line counting on purpose.</summary>
public sealed class FileLines
{
    private readonly int[] _lengths;

    private FileLines(int[] lengths) => _lengths = lengths;

    public int Count => _lengths.Length;

    public static FileLines Of(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }
        var lengths = new List<int>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lengths.Add(i - start);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        lengths.Add(text.Length - start);
        return new FileLines([.. lengths]);
    }

    /// <summary>A column may be one past the line's last character (an error "at the end of the line").</summary>
    public bool Contains(int line, int column) =>
        line >= 1 && line <= _lengths.Length && column >= 1 && column <= _lengths[line - 1] + 1;
}
