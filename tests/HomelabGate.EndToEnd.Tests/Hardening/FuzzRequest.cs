using System.Text;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>One HTTP/1.1 request as parts a mutation can change: request line, header lines, line ending, body, and
/// bytes sent after it (a second request, smuggled or pipelined). <see cref="Description"/> lists what was done to it.</summary>
public sealed class FuzzRequest
{
    public string Method { get; set; } = "GET";

    public string Target { get; set; } = "/";

    public string Version { get; set; } = "HTTP/1.1";

    /// <summary>Whole header lines, "Name: value", in order.</summary>
    public List<string> Headers { get; } = [];

    public string LineEnd { get; set; } = "\r\n";

    public string Body { get; set; } = "";

    public string Tail { get; set; } = "";

    /// <summary>Text before the request line (stray line breaks).</summary>
    public string Prefix { get; set; } = "";

    public List<string> Description { get; } = [];

    /// <summary>Both a Content-Length and a Transfer-Encoding line in the first request's head as a server splits it
    /// (a stray LF may end the head early), or Transfer-Encoding lines whose combined list is not one "chunked" (empty
    /// list elements do not count, RFC 9110 §5.6.1): such a request must never reach the upstream.</summary>
    public bool AmbiguousFraming
    {
        get
        {
            var lines = Encoding.Latin1.GetString(ToBytes()).Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => l.Length == 0).Skip(1)
                .TakeWhile(l => l.Length > 0).ToList();
            var encodings = lines.Where(h => h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h["Transfer-Encoding:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            var framedByEncoding = lines.Any(h => h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase));
            var lengths = lines.Any(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            return framedByEncoding && (lengths || encodings.Count != 1 || !encodings[0].Equals("chunked", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>A version other than 1.0 and 1.1 is answered 505 (HTTP Version Not Supported), the one 5xx expected.</summary>
    public bool UnsupportedVersion => Version is not ("HTTP/1.1" or "HTTP/1.0");

    public void Set(string name, string value)
    {
        Remove(name);
        Headers.Add($"{name}: {value}");
    }

    public void Remove(string name) => Headers.RemoveAll(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));

    public byte[] ToBytes()
    {
        var text = new StringBuilder(Prefix).Append(Method).Append(' ').Append(Target).Append(' ').Append(Version).Append(LineEnd);
        foreach (var header in Headers)
        {
            text.Append(header).Append(LineEnd);
        }
        text.Append(LineEnd).Append(Body).Append(Tail);
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>The bytes as a C# string literal would show them, cut short when huge: a reproducer for a report.</summary>
    public string Show()
    {
        var text = Encoding.Latin1.GetString(ToBytes());
        var shown = new StringBuilder();
        foreach (var c in text.Length > 600 ? text[..600] : text)
        {
            shown.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return $"[{string.Join(", ", Description)}] \"{shown}\"{(text.Length > 600 ? $"… ({text.Length} bytes)" : "")}";
    }
}
