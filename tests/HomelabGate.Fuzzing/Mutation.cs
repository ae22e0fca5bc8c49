using System.Text;

namespace HomelabGate.Fuzzing;

/// <summary>One change to a manifest's bytes. Positions are taken modulo the input's length, so any generated number is
/// a valid position and shrinking towards 0 means "near the start".</summary>
public abstract record Mutation
{
    public abstract byte[] Apply(byte[] input);

    protected static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static int Wrap(int at, int length) => length == 0 ? 0 : at % (length + 1);

    protected static string[] Lines(byte[] bytes) => Text(bytes).Split('\n');
}

internal sealed record FlipByte(int At, byte Value) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        if (input.Length == 0)
        {
            return [Value];
        }
        var copy = (byte[])input.Clone();
        copy[At % copy.Length] = Value;
        return copy;
    }
}

internal sealed record Truncate(int At) : Mutation
{
    public override byte[] Apply(byte[] input) => input[..Wrap(At, input.Length)];
}

/// <summary>Inserts text at a character offset (anywhere, so often mid-token).</summary>
internal sealed record Insert(int At, string Snippet) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var text = Text(input);
        return Bytes(text.Insert(Wrap(At, text.Length), Snippet));
    }
}

/// <summary>Replaces the value on one line (after "key: " or "- "), keeping the structure around it.</summary>
internal sealed record ReplaceValue(int Line, string Value) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var lines = Lines(input);
        var i = Line % lines.Length;
        var line = lines[i];
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var dash = line.IndexOf("- ", StringComparison.Ordinal);
        var cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : line.Length;
        lines[i] = line[..cut] + (cut == line.Length && cut > 0 ? " " : "") + Value;
        return Bytes(string.Join('\n', lines));
    }
}

internal sealed record DeleteLine(int Line) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var lines = Lines(input).ToList();
        lines.RemoveAt(Line % lines.Count);
        return Bytes(string.Join('\n', lines));
    }
}

internal sealed record DuplicateLine(int Line, int Times) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var lines = Lines(input).ToList();
        var i = Line % lines.Count;
        lines.InsertRange(i, Enumerable.Repeat(lines[i], Times));
        return Bytes(string.Join('\n', lines));
    }
}

/// <summary>Changes one line's indentation, with spaces or tabs.</summary>
internal sealed record Indent(int Line, int Delta, bool Tabs) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var lines = Lines(input);
        var i = Line % lines.Length;
        lines[i] = Delta >= 0
            ? new string(Tabs ? '\t' : ' ', Delta) + lines[i]
            : lines[i][Math.Min(-Delta, lines[i].Length - lines[i].TrimStart().Length)..];
        return Bytes(string.Join('\n', lines));
    }
}

internal enum LineEnding
{
    Cr,
    CrLf,
    Mixed,
    CrOnlyAfterFirst,
}

/// <summary>Rewrites line endings: CR only (classic Mac), CRLF, or a mix chosen line by line.</summary>
internal sealed record LineEndings(LineEnding Style, int Pattern) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var lines = Text(input).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var text = new StringBuilder(lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(Style switch
            {
                LineEnding.Cr => "\r",
                LineEnding.CrLf => "\r\n",
                LineEnding.CrOnlyAfterFirst => i == 1 ? "\n" : "\r",
                _ => ((Pattern >> (i % 31)) & 3) switch { 0 => "\r", 1 => "\r\n", 2 => "\n", _ => "\n\r" },
            }).Append(lines[i]);
        }
        return Bytes(text.ToString());
    }
}
