using System.Text;

namespace HomelabGate.Fuzzing;

internal enum TextEncoding
{
    Utf16LeBom,
    Utf16BeBom,
    Utf16LeNoBom,
    Utf16BeNoBom,
    Utf32LeBom,
    Utf32BeBom,
    Latin1,
    Utf8Bom,
    Utf8DoubleBom,
}

/// <summary>Saves the manifest in another encoding, as editors on other systems do.</summary>
internal sealed record Reencode(TextEncoding To) : Mutation
{
    public override byte[] Apply(byte[] input)
    {
        var text = Text(input);
        return To switch
        {
            TextEncoding.Utf16LeBom => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)],
            TextEncoding.Utf16BeBom => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)],
            TextEncoding.Utf16LeNoBom => Encoding.Unicode.GetBytes(text),
            TextEncoding.Utf16BeNoBom => Encoding.BigEndianUnicode.GetBytes(text),
            TextEncoding.Utf32LeBom => [.. Encoding.UTF32.Preamble, .. Encoding.UTF32.GetBytes(text)],
            TextEncoding.Utf32BeBom => [.. new UTF32Encoding(true, true).Preamble, .. new UTF32Encoding(true, true).GetBytes(text)],
            TextEncoding.Latin1 => Encoding.Latin1.GetBytes(text.Replace("home", "h\u00f6me", StringComparison.Ordinal)),
            TextEncoding.Utf8Bom => [.. Encoding.UTF8.Preamble, .. input],
            _ => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.Preamble, .. input],
        };
    }
}
