using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace HomelabGate.Core.Net;

/// <summary>A host and a port, as the manifest writes them: "192.168.1.20:22", "nas.lan:22", "[fd00::20]:22", or a bare
/// host where a default port applies ("127.0.0.1" for a DNS server on 53). The one parser for every such field.</summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <param name="defaultPort">The port when the text has none; null: a port is required.</param>
    public static bool TryParse(string? text, int? defaultPort, out HostPort value, [NotNullWhen(false)] out string? problem)
    {
        value = default;
        text = text?.Trim() ?? "";
        var (host, portText) = Split(text);
        if (host.Length == 0)
        {
            problem = "the host is missing";
            return false;
        }
        if (portText is null)
        {
            if (defaultPort is not { } fallback)
            {
                problem = "the port is missing";
                return false;
            }
            value = new HostPort(host, fallback);
            problem = null;
            return true;
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"the port '{portText}' is not a number from 1 to 65535";
            return false;
        }
        value = new HostPort(host, port);
        problem = null;
        return true;
    }

    public static HostPort Parse(string text, int? defaultPort = null) =>
        TryParse(text, defaultPort, out var value, out var problem) ? value : throw new FormatException($"'{text}' is not host:port: {problem}");

    /// <summary>The address when the host is an IP literal or "localhost" (loopback), else null (a name to resolve).</summary>
    public IPAddress? Address => Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(Host, out var address) ? address : null;

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>"[v6]:port" → ("v6", "port"); "v4:port" / "name:port" → split at the one colon; a bare v6 literal
    /// (several colons, no brackets) or a bare host → no port.</summary>
    private static (string Host, string? Port) Split(string text)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return ("", null);
            }
            var rest = text[(close + 1)..];
            return (text[1..close], rest.StartsWith(':') ? rest[1..] : rest.Length == 0 ? null : rest);
        }
        var colon = text.LastIndexOf(':');
        if (colon < 0 || text.IndexOf(':') != colon)
        {
            return (text, null);
        }
        return (text[..colon], text[(colon + 1)..]);
    }
}
