using System.Buffers;
using System.Text;

namespace HomelabGate.Proxy.Requests;

/// <summary>Percent-encodes only what RFC 3986 does not allow in a path or query; everything else (including
/// existing escapes, valid or not) is kept byte for byte.</summary>
internal static class UriText
{
    private static readonly SearchValues<char> PathCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/");

    private static readonly SearchValues<char> QueryCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/?");

    private static readonly SearchValues<char> DecodedPathCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/");

    private static SearchValues<char> Allowed(bool allowQuestionMark, bool escapePercent) =>
        escapePercent ? DecodedPathCharacters : allowQuestionMark ? QueryCharacters : PathCharacters;

    /// <param name="escapePercent">For a path that was decoded already, where every '%' is a literal one.</param>
    public static void AppendEscaped(StringBuilder output, ReadOnlySpan<char> text, bool allowQuestionMark, bool escapePercent = false)
    {
        var allowed = Allowed(allowQuestionMark, escapePercent);
        if (!text.ContainsAnyExcept(allowed))
        {
            output.Append(text);
            return;
        }
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (allowed.Contains(text[i]))
            {
                output.Append(text[i]);
                continue;
            }
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length
                ? Encoding.UTF8.GetBytes(text.Slice(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.Slice(i, 1), utf8);
            foreach (var b in utf8[..length])
            {
                output.Append('%').Append(Convert.ToHexString([b]));
            }
        }
    }

    public static string Escaped(ReadOnlySpan<char> text, bool allowQuestionMark, bool escapePercent = false)
    {
        if (!text.ContainsAnyExcept(Allowed(allowQuestionMark, escapePercent)))
        {
            return text.ToString();
        }
        var output = new StringBuilder(text.Length + 8);
        AppendEscaped(output, text, allowQuestionMark, escapePercent);
        return output.ToString();
    }
}
