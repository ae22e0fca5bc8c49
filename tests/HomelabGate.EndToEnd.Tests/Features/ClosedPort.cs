using System.Net;
using System.Net.Sockets;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>A loopback port that refuses connections, as a stopped service's does: bound, never listening, and held
/// until disposed so nothing else takes it meanwhile.</summary>
public sealed class ClosedPort : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>http://127.0.0.1:PORT, as a manifest target.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
