using HomelabGate.Core.Desired;
using HomelabGate.Core.Net;

namespace HomelabGate.Proxy.Streams;

/// <summary>A stream's <c>to</c>, split once at start: "192.168.1.20:22", "nas.lan:22" or "[fd00::20]:22".</summary>
public sealed record TcpStreamTarget(string Name, string Host, int Port)
{
    public static TcpStreamTarget From(TcpStream stream)
    {
        var target = HostPort.Parse(stream.To);
        return new TcpStreamTarget(stream.Name, target.Host, target.Port);
    }

    public override string ToString() => new HostPort(Host, Port).ToString();
}
