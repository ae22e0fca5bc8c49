using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HomelabGate.Proxy.Requests;

/// <summary>The path and query as the client sent them — for the upstream (less a stripped location prefix) and for
/// redirects that keep the path. Only when the target was not origin-form (an absolute URL, whose path Kestrel decodes
/// completely) is the routed path sent instead, encoded: the same segments routing matched, either way.</summary>
public static class VerbatimPath
{
    public static string PathAndQuery(HttpContext context, int strip = 0) =>
        Path(context, strip) + UriText.Escaped(context.Request.QueryString.Value, allowQuestionMark: true);

    public static string Path(HttpContext context, int strip)
    {
        var routed = context.Request.Path.Value is { Length: > 0 } value ? value : "/";
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is { Length: > 0 } && target[0] == '/')
        {
            var query = target.IndexOf('?', StringComparison.Ordinal);
            var raw = query < 0 ? target.AsSpan() : target.AsSpan(0, query);
            // The common case: no dot segment for Kestrel to have removed, so the raw segments are the routed ones.
            if (!MayHaveDotSegments(raw) && raw.Count('/') == routed.AsSpan().Count('/'))
            {
                return UriText.Escaped(WithoutLeading(raw, strip), allowQuestionMark: false);
            }
            if (RawPath.FromTarget(target) is { } normalized && normalized.Segments.Count == routed.AsSpan().Count('/'))
            {
                return normalized.WithoutLeading(strip);
            }
        }
        return UriText.Escaped(WithoutLeading(routed, strip), allowQuestionMark: false, escapePercent: true);
    }

    private static bool MayHaveDotSegments(ReadOnlySpan<char> path) =>
        path.Contains("/.", StringComparison.Ordinal) || path.Contains("%2e", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> WithoutLeading(ReadOnlySpan<char> path, int count)
    {
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var next = path[(start + 1)..].IndexOf('/');
            if (next < 0)
            {
                return "/";
            }
            start += next + 1;
        }
        return path[start..];
    }
}
