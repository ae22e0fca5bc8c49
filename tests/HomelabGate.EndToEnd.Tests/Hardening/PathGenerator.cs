using System.Text;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>Request paths built from pieces that percent-encoding, dot segments and location prefixes make tricky,
/// and an independent model of what an upstream should see: the path with its dot segments resolved as a server
/// resolves them (on the slashes that are there, RFC 3986), then read by an upstream that decodes everything,
/// %2F and %5C as slashes too — the location that names is where the request belongs; and the raw bytes less a
/// stripped prefix.</summary>
public static class PathGenerator
{
    private static readonly string[] Pieces =
    [
        "admin", "ADMIN", "%61dmin", "keep", "x", "a%2fb", "%2F", "%2e", "%2e%2e", "..", ".", "%5c", "a;b", "..;", "%25",
        "%252f", "%3B", "%ff", "%C3%A9", "~user", "a+b", "%20", "admin%2fx", "keep%2F", "%2e%2e%2f", "..%2f", "%2fadmin",
        "file.txt", "%3F", "%23", "@", "!$&'()*,=:",
    ];

    public static string Next(Random random)
    {
        var text = new StringBuilder();
        for (var count = random.Next(1, 6); count > 0; count--)
        {
            text.Append('/').Append(Pieces[random.Next(Pieces.Length)]);
        }
        if (random.Next(5) == 0)
        {
            text.Append('/');
        }
        return text.ToString();
    }

    /// <summary>Dot segments ("." and "..", also as %2E) resolved over the literal slashes.</summary>
    public static string Normalized(string path) =>
        Resolve(path.Split('/').Skip(1).Select(s => s.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) is "." or ".." ? s.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) : s).ToList());

    /// <summary>Every escape decoded, backslashes as slashes, and dot segments resolved again (a path parameter, as
    /// in "..;", hides nothing).</summary>
    public static string Decoded(string path)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                bytes.Add(Convert.ToByte(path.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)path[i]);
            }
        }
        var text = Encoding.Latin1.GetString([.. bytes]).Replace('\\', '/');
        return Resolve(text.Split('/').Skip(1).Select(s => s.Split(';')[0] is "." or ".." ? s.Split(';')[0] : s).ToList());
    }

    private static string Resolve(List<string> segments)
    {
        var output = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            if (segments[i] is "." or "..")
            {
                if (segments[i] == ".." && output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
                if (last)
                {
                    output.Add("");
                }
                continue;
            }
            output.Add(segments[i]);
        }
        return "/" + string.Join('/', output);
    }

    /// <summary>The location of <c>RequestHandlingDaemon</c>'s app.test that a decoded path is in.</summary>
    public static string Location(string decoded) =>
        In(decoded, "/admin") ? "admin" : In(decoded, "/keep") ? "keep" : "host";

    private static bool In(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    /// <summary>A segment that is, or decodes to, "." or ".." (Kestrel resolves those before routing).</summary>
    public static bool HasDotSegment(string path) =>
        path.Split('/').Any(s => s.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) is "." or "..");

    /// <summary>What the upstream should see of a path without dot segments: its bytes, minus "/admin"'s one segment
    /// for the stripped location, with only characters a URI cannot hold ('#') encoded.</summary>
    public static string Expected(string path, string servedBy)
    {
        var forwarded = servedBy == "admin" ? "/" + string.Join('/', path.Split('/').Skip(2)) : path;
        return forwarded.Replace("#", "%23", StringComparison.Ordinal);
    }
}
