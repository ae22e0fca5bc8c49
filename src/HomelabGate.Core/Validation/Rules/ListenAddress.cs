using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Parses "IP:PORT" / "[v6]:PORT" / "localhost:PORT" into an endpoint, with a reason on failure.</summary>
public static class ListenAddress
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IPEndPoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || text.EndsWith(']'))
        {
            problem = "the port is missing";
            return false;
        }
        if (!int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            problem = $"the port '{text[(colon + 1)..]}' is not a number from 1 to 65535";
            return false;
        }
        var host = text[..colon].Trim('[', ']');
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is null)
        {
            problem = $"'{host}' is not an IP address";
            return false;
        }
        endpoint = new IPEndPoint(address, port);
        problem = null;
        return true;
    }
}
