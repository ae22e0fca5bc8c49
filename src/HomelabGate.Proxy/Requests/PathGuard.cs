namespace HomelabGate.Proxy.Requests;

/// <summary>Refuses paths an upstream could resolve differently from how routing read them, now that the client's raw
/// path is forwarded: a dot segment hidden behind an encoded slash or backslash (<c>/admin/..%2Fx</c>,
/// <c>%2e%2e%5Cx</c>), one hidden by a path parameter as Tomcat reads it (<c>/..;/x</c>), and an encoded slash that would
/// put the request in another of the host's locations for an upstream that decodes it (<c>/admin%2Fx</c> routed to the
/// host, decoded <c>/admin/x</c>). Kestrel has already removed plain dot segments.</summary>
public sealed class PathGuard(IReadOnlyList<string> locationPrefixes)
{
    public static PathGuard None { get; } = new([]);

    /// <returns>Why the path is refused, or null.</returns>
    public string? Refusal(string path)
    {
        var encodedSeparator = false;
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            var width = SeparatorWidth(path, i);
            if (width == 0)
            {
                continue;
            }
            encodedSeparator |= width > 1 || (i < path.Length && path[i] == '\\');
            var segment = path.AsSpan(start, i - start);
            var parameters = segment.IndexOf(';');
            if (RawPath.DotCount(parameters < 0 ? segment : segment[..parameters]) > 0)
            {
                return "the path has a dot segment behind an encoded slash, a backslash or a ';' (such as '..%2F'), which an upstream could resolve outside the location the request was routed to";
            }
            i += width - 1;
            start = i + 1;
        }
        if (encodedSeparator && Location(Decoded(path)) is var decoded && decoded != Location(path))
        {
            return $"an encoded slash in the path would put it under {Describe(decoded)} for an upstream that decodes it, but it was routed to {Describe(Location(path))}";
        }
        return null;
    }

    /// <returns>0 inside a segment; 1 for '/', '\' and the end; 3 for %2F and %5C.</returns>
    private static int SeparatorWidth(string path, int i)
    {
        if (i == path.Length || path[i] is '/' or '\\')
        {
            return 1;
        }
        return path[i] == '%' && i + 2 < path.Length && (path[i + 1], path[i + 2]) is ('2', 'f' or 'F') or ('5', 'c' or 'C') ? 3 : 0;
    }

    private static string Decoded(string path) => path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
        .Replace("%5C", "/", StringComparison.OrdinalIgnoreCase).Replace('\\', '/');

    /// <returns>The longest location prefix the path is in (as routing picks the most specific), or null for the host.</returns>
    private string? Location(string path)
    {
        string? best = null;
        foreach (var prefix in locationPrefixes)
        {
            var inside = path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');
            if (inside && (best is null || prefix.Length > best.Length))
            {
                best = prefix;
            }
        }
        return best;
    }

    private static string Describe(string? location) => location is null ? "the host itself" : $"location '{location}/'";
}
