using System.Diagnostics.CodeAnalysis;
using System.Net;
using HomelabGate.Core.Net;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>A listen address: a <see cref="HostPort"/> whose host is an IP address or "localhost", with a reason on failure.</summary>
public static class ListenAddress
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IPEndPoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        if (!HostPort.TryParse(text, defaultPort: null, out var hostPort, out problem))
        {
            return false;
        }
        if (hostPort.Address is not { } address)
        {
            problem = $"'{hostPort.Host}' is not an IP address";
            return false;
        }
        endpoint = new IPEndPoint(address, hostPort.Port);
        return true;
    }
}
