using System.Text;

namespace HomelabGate.Proxy.Requests;

/// <summary>The path of an origin-form request target as the client wrote it, split into segments. Kestrel decodes
/// the path it routes on (all but <c>%2F</c>) and removes dot segments; this keeps the client's bytes but removes the
/// same dot segments, so segment <i>i</i> here is segment <i>i</i> of the routed path — what lets a location prefix be
/// stripped from the raw path without re-encoding anything (<c>/admin%2fx</c> must not become <c>/admin%252fx</c>).</summary>
public sealed class RawPath
{
    private readonly List<string> _segments;

    private RawPath(List<string> segments) => _segments = segments;

    /// <summary>Segments after the leading slash ("/a/b/" has "a", "b", "").</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <returns>Null when <paramref name="rawTarget"/> is not origin-form (absolute-form, <c>*</c>, authority-form).</returns>
    public static RawPath? FromTarget(string? rawTarget)
    {
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            return null;
        }
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        return new RawPath(RemoveDotSegments(path.Split('/')));
    }

    /// <summary>RFC 3986 §5.2.4 over whole segments; a segment is a dot segment when it decodes to "." or "..", as
    /// Kestrel decides (it decodes <c>%2E</c> before removing them).</summary>
    private static List<string> RemoveDotSegments(string[] parts)
    {
        var output = new List<string>(parts.Length);
        for (var i = 1; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            switch (DotCount(parts[i]))
            {
                case 1:
                    break;
                case 2:
                    if (output.Count > 0)
                    {
                        output.RemoveAt(output.Count - 1);
                    }
                    break;
                default:
                    output.Add(parts[i]);
                    continue;
            }
            if (last)
            {
                output.Add("");
            }
        }
        return output;
    }

    /// <returns>1 for ".", 2 for "..", 0 for any other segment; <c>%2E</c> counts as a dot.</returns>
    internal static int DotCount(ReadOnlySpan<char> segment)
    {
        var dots = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '.')
            {
                dots++;
            }
            else if (segment[i] == '%' && i + 2 < segment.Length && segment[i + 1] == '2' && segment[i + 2] is 'e' or 'E')
            {
                dots++;
                i += 2;
            }
            else
            {
                return 0;
            }
            if (dots > 2)
            {
                return 0;
            }
        }
        return dots;
    }

    /// <summary>The path without its first <paramref name="count"/> segments, with characters that may not appear in a
    /// URI path (<c>#</c>, <c>\</c>, spaces…) percent-encoded and everything else — <c>%2F</c>, <c>%3B</c>, invalid
    /// UTF-8 escapes — exactly as sent.</summary>
    public string WithoutLeading(int count)
    {
        var text = new StringBuilder();
        for (var i = Math.Min(count, _segments.Count); i < _segments.Count; i++)
        {
            text.Append('/');
            UriText.AppendEscaped(text, _segments[i], allowQuestionMark: false);
        }
        return text.Length == 0 ? "/" : text.ToString();
    }
}
