using System.Text.RegularExpressions;

namespace HomelabGate.Acme.Http;

/// <summary>Reads RFC 8288 Link header values such as <c>&lt;https://ca/cert/1/alt/1&gt;;rel="alternate"</c>.</summary>
internal static partial class LinkHeader
{
    public static IReadOnlyList<Uri> Find(IEnumerable<string> headerValues, string rel, Uri baseUri)
    {
        var found = new List<Uri>();
        foreach (var value in headerValues)
        {
            foreach (Match link in LinkPattern().Matches(value))
            {
                var rels = RelPattern().Match(link.Groups["params"].Value);
                if (rels.Success
                    && rels.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.OrdinalIgnoreCase)
                    && Uri.TryCreate(baseUri, link.Groups["url"].Value, out var uri))
                {
                    found.Add(uri);
                }
            }
        }
        return found;
    }

    [GeneratedRegex("""<(?<url>[^>]*)>(?<params>(?:\s*;\s*[^;,<]*)*)""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""rel\s*=\s*(?:"(?<rel>[^"]*)"|(?<rel>[^\s;,]+))""", RegexOptions.IgnoreCase)]
    private static partial Regex RelPattern();
}
