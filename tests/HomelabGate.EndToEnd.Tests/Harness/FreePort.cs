using System.Net;
using System.Net.Sockets;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>A loopback port nobody listens on, found by binding port 0. Between closing it here and gate binding it another
/// process could take it; <see cref="GateProcess"/> retries with fresh ports when gate reports it cannot listen.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
