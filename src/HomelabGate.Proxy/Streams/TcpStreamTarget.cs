using HomelabGate.Core.Desired;

namespace HomelabGate.Proxy.Streams;

/// <summary>A stream's <c>to</c>, split once at start: "192.168.1.20:22", "nas.lan:22" or "[fd00::20]:22".</summary>
public sealed record TcpStreamTarget(string Name, string Host, int Port)
{
    public static TcpStreamTarget From(TcpStream stream)
    {
        var colon = stream.To.LastIndexOf(':');
        var host = stream.To[..colon].Trim('[', ']');
        return new TcpStreamTarget(stream.Name, host, int.Parse(stream.To[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
