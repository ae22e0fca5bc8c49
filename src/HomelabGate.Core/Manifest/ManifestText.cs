using System.Text;
using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Core.Manifest;

/// <summary>Bytes → text, or a located diagnostic: UTF-8 only (a leading BOM is fine), UTF-16 and UTF-32 named as such,
/// and only characters YAML allows. Control characters and Unicode line separators are refused here because they are
/// invisible in editors and YAML parsers disagree on whether they end a line, which would put positions off.</summary>
internal static class ManifestText
{
    private static readonly (byte[] Bom, string Name)[] WideBoms =
    [
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 (big-endian)"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 (little-endian)"),
        ([0xFE, 0xFF], "UTF-16 (big-endian)"), ([0xFF, 0xFE], "UTF-16 (little-endian)"),
    ];

    public static SourceText? Decode(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        var start = new SourceLocation(display, 1, 1);
        if (WideBoms.FirstOrDefault(b => bytes.AsSpan().StartsWith(b.Bom)).Name is { } wide)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedEncoding, $"the manifest is saved as {wide}; HomelabGate reads UTF-8",
                start, "save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8, or your editor's 'Save with encoding')"));
            return null;
        }
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        if (bytes.Length - offset >= 4 && bytes.Skip(offset).Take(64).Count(b => b == 0) >= 8)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedEncoding, "the manifest looks like UTF-16 or UTF-32 without a byte-order mark; HomelabGate reads UTF-8",
                start, "save it as UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)"));
            return null;
        }
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return Screen(new SourceText(display, strict.GetString(bytes, offset, bytes.Length - offset)), diagnostics);
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.Index >= 0 ? offset + e.Index : offset;
            var before = new SourceText(display, Encoding.UTF8.GetString(bytes, offset, Math.Max(0, bad - offset)));
            var (line, column) = before.PositionOf(before.Text.Length);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidUtf8, $"the manifest is not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad})",
                new SourceLocation(display, line, column), "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"));
            return null;
        }
    }

    /// <summary>Refuses the first character YAML 1.2 does not allow in a document (c-printable), by position.</summary>
    private static SourceText? Screen(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (Problem(text, i) is not { } problem)
            {
                continue;
            }
            var (line, column) = source.PositionOf(i);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ControlCharacter, $"the manifest contains {problem} (U+{(int)text[i]:X4})",
                new SourceLocation(source.FileName, line, column), "delete it; it is invisible in most editors (cat -A shows it)"));
            return null;
        }
        return source;
    }

    private static string? Problem(string text, int i) => text[i] switch
    {
        '\t' or '\n' or '\r' => null,
        < ' ' or '\u007F' => "a control character",
        '\u0085' or '\u2028' or '\u2029' => "a Unicode line separator that YAML parsers disagree on",
        >= '\u0080' and <= '\u009F' => "a control character",
        '\uFEFF' => "a byte-order mark in the middle of the file (two files joined?)",
        '\uFFFE' or '\uFFFF' => "a non-character",
        _ => null,
    };
}
