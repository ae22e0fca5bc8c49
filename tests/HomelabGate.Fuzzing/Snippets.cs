using System.Text;

namespace HomelabGate.Fuzzing;

/// <summary>Text that has broken YAML loaders and proxies before: aliases (self-referencing, undefined, on keys, merge
/// keys), tags, complex keys, numbers and durations past every range, control and separator characters, directives,
/// unclosed structures, and values the daemon is picky about.</summary>
public static class Snippets
{
    public static readonly string[] Structural =
    [
        "&a [*a]", "&a {k: *a}", "&a\n  - *a", "*a", "*undefined", "&x", "&x &y v", "&k key: value\n*k : v", "*k : v",
        "<<: *a", "<<: {x: 1}", "<<: [*a, *b]", "!!str", "!!int x", "!!binary aGVsbG8=", "!custom", "!!map", "!!seq",
        "!<tag:yaml.org,2002:str> 5", "!!null", "!!bool yes", "!!float .inf", "? [a, b]\n: c", "? {a: b}\n: c",
        "? |\n  block key\n: v", "---", "...", "--- !!map\n", "%YAML 1.1\n---\n", "%YAML 9.9\n---\n", "%TAG ! tag:x,2000:\n---\n",
        "'unterminated", "\"unterminated", "\"\\u12\"", "\"\\x\"", "[unclosed", "{unclosed", "]", "}", ": :", "- - - -",
        "|\n  block", ">-\n  folded", "|9\n x", "key: [a, {b: [c, {d: ", "? ", "-", ":", "#", "&", "*", "!", "%", "@", "`",
        "a: b: c", "a:b", "[a, b]: c", "{a: 1}: 2", "\ta: b", "  \t  - x", "\"\\\n\"",
    ];

    public static readonly string[] Characters =
    [
        "\0", "\u0001", "\u001b[31m", "\u007f", "\t", "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF",
        "\u00e9", "\U0001F600", "\u200B", "\u202E", "\u00A0",
    ];

    public static readonly string[] Values =
    [
        "99999999999999999999999", "-99999999999999999999", "9223372036854775808", "2147483648", "-1", "0", "1.5", "1e999", "1e20",
        "0x7fffffff", "0o17", ".inf", "-.nan", "99999999999999d", "9999999999999999999ms", "0ms", "0s", "1ms", "999999999h",
        "5000000d", "825d", "826d", "59m", "24855d", "25d", "99999999999GB", "0B", "9223372036854775807", "~", "null", "''", "\"\"",
        "true", "yes", "on", "[]", "{}", "[[]]", "*a", "&a x", "0.0.0.0:9180", "127.0.0.1:9180", "http://127.0.0.1:9180",
        "http://localhost:9180/api", "http://[::1]:9180", "http://2130706433:9180", "[::]:9180", "::ffff:0.0.0.0:9180",
        "nas.local", "*.home.local", "evil.example.com", "192.168.1.5", "${env:X}", "${file:secret.txt}", "./relative/path",
        "TXT", "CNAME", "rfc2136", "pihole", "hosts-file", "cloudflare", "local-ca", "acme", "http://x:1", "https://a:99999",
    ];

    /// <summary>Nested flow or block collections, <paramref name="depth"/> levels deep.</summary>
    public static string Nested(int depth, int style) => (style % 4) switch
    {
        0 => new string('[', depth) + "x" + new string(']', depth),
        1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth),
        2 => string.Concat(Enumerable.Range(0, depth).Select(i => "\n" + new string(' ', 2 * i + 2) + "a:")) + " x",
        _ => string.Concat(Enumerable.Range(0, depth).Select(i => "\n" + new string(' ', i + 2) + "-")) + " x",
    };

    /// <summary>"Billion laughs": each level repeats the previous one <paramref name="width"/> times.</summary>
    public static string AliasBomb(int levels, int width)
    {
        var text = new StringBuilder("\nl0: &l0 [lol, lol]");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($"\nl{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", width)).Append(']');
        }
        return text.Append('\n').ToString();
    }

    public static string LongLine(int length, int seed) => new((char)('a' + (seed % 26)), length);
}
