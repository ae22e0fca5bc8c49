using System.Text.RegularExpressions;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>Translates the few nginx directives people put in NPM's "Advanced" tab that have a manifest equivalent
/// (upload size, literal request/response headers, buffering switches gate does not need); everything else, and
/// anything with a block or an nginx variable, is returned untranslated, to be shown where the host is.</summary>
internal static partial class AdvancedConfigTranslator
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal) { [""] = "", ["k"] = "KB", ["m"] = "MB", ["g"] = "GB" };

    public static AdvancedConfig Translate(string text)
    {
        var body = string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(StripComment)).Trim();
        if (body.Length == 0)
        {
            return new AdvancedConfig();
        }
        var result = new AdvancedConfig();
        if (body.Contains('{') || body.Contains('}'))
        {
            result.Untranslated.AddRange(Lines(text));
            return result;
        }
        foreach (var directive in body.Split(';').Select(d => Regex.Replace(d, @"\s+", " ").Trim()).Where(d => d.Length > 0))
        {
            (TryTranslate(directive, result) ? result.Translated : result.Untranslated).Add(Redact(directive) + ";");
        }
        return result;
    }

    private static bool TryTranslate(string directive, AdvancedConfig into)
    {
        var words = Words().Matches(directive).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Value).ToList();
        if (words.Count < 2 || directive.Contains('$') || Sensitive().IsMatch(directive))
        {
            return false;
        }
        switch (words[0], words.Count)
        {
            case ("client_max_body_size", 2) when Size(words[1]) is { } size:
                into.MaxBodySize = size;
                return true;
            case ("proxy_request_buffering" or "proxy_buffering", 2) when words[1] == "off":
                return true; // gate never buffers bodies
            case ("proxy_set_header", 3) when words[2].Length == 0:
                into.RequestRemove.Add(words[1]);
                return true;
            case ("proxy_set_header", 3):
                into.RequestAdd.Add((words[1], words[2]));
                return true;
            case ("add_header", 3):
            case ("add_header", 4) when words[3] == "always":
                into.ResponseAdd.Add((words[1], words[2]));
                return true;
            case ("proxy_hide_header", 2):
                into.ResponseRemove.Add(words[1]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>nginx sizes (10G, 512m, 64k, 1024) as manifest sizes; 0 (no limit) has no manifest equivalent.</summary>
    private static string? Size(string text)
    {
        var match = NginxSize().Match(text);
        if (!match.Success || match.Groups["n"].Value.TrimStart('0').Length == 0)
        {
            return null;
        }
        return match.Groups["n"].Value + Units[match.Groups["unit"].Value.ToLowerInvariant()];
    }

    /// <summary>Shows a directive without the value of a credential-like header or parameter.</summary>
    private static string Redact(string directive)
    {
        if (!Sensitive().IsMatch(directive))
        {
            return directive;
        }
        var words = directive.Split(' ', 3);
        return words.Length < 3 ? $"{words[0]} (value hidden: it looks like a secret)" : $"{words[0]} {words[1]} (value hidden: it looks like a secret)";
    }

    private static IEnumerable<string> Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).Select(Redact);

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash < 0 || line[..hash].Count(c => c == '"') % 2 == 1 ? line : line[..hash];
    }

    [GeneratedRegex("\"(?<q>[^\"]*)\"|'(?<q>[^']*)'|\\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?<n>[0-9]+)(?<unit>[kKmMgG]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NginxSize();

    [GeneratedRegex(@"authorization|cookie|token|secret|passw|api[-_]?key|auth_basic_user_file|bearer", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sensitive();
}
