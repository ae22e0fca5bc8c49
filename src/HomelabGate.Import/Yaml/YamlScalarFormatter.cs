using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HomelabGate.Import.Yaml;

/// <summary>Writes a string plain when no YAML reader could take it for anything else (a number, a boolean, null, an
/// alias, a comment, a flow indicator), else double-quoted with escapes. Errs towards quoting.</summary>
internal static partial class YamlScalarFormatter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static string Format(YamlScalar scalar, bool flow) => scalar.IsLiteral ? scalar.Text : Format(scalar.Text, flow);

    public static string Format(string text, bool flow) => IsPlain(text, flow) ? text : Quote(text);

    private static bool IsPlain(string text, bool flow) =>
        (flow ? FlowPlain() : BlockPlain()).IsMatch(text) && !Reserved.Contains(text) && !text.EndsWith(':');

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    // Starts with a letter, '/', '_' or '.'; then letters, digits and a few safe punctuation marks (':' only in block context).
    [GeneratedRegex(@"^[A-Za-z/_.][A-Za-z0-9/_.\-:@+=%?&]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockPlain();

    [GeneratedRegex(@"^[A-Za-z/_.][A-Za-z0-9/_.\-@+=%]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FlowPlain();
}
