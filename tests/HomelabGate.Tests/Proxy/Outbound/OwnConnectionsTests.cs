using System.Net;
using System.Net.Sockets;
using HomelabGate.Proxy.Outbound;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Proxy.Outbound;

public sealed class OwnConnectionsTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly FakeTimeProvider _time = new();

    public OwnConnectionsTests() => _listener.Start();

    public void Dispose() => _listener.Stop();

    private Socket Connect()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Connect((IPEndPoint)_listener.LocalEndpoint);
        return socket;
    }

    [Fact]
    public void A_loopback_connection_is_known_by_its_local_endpoint_while_open_and_for_a_minute_after()
    {
        var own = new OwnConnections(_time);
        using var socket = Connect();
        var local = (IPEndPoint)socket.LocalEndPoint!;

        var registration = own.Track(socket);
        Assert.True(own.Contains(local.Address, local.Port));
        Assert.True(own.Contains(local.Address.MapToIPv6(), local.Port), "an IPv4-mapped peer address is the same peer");
        Assert.False(own.Contains(IPAddress.Parse("127.0.0.2"), local.Port));

        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(own.Contains(local.Address, local.Port), "open connections do not expire");
        registration.Dispose();
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(own.Contains(local.Address, local.Port), "the listener may still be reading what was sent");
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(own.Contains(local.Address, local.Port));
    }

    [Fact]
    public void Closed_connections_are_swept_once_there_are_many()
    {
        var own = new OwnConnections(_time);
        var endpoints = new List<IPEndPoint>();
        for (var i = 0; i < 70; i++)
        {
            using var socket = Connect();
            endpoints.Add((IPEndPoint)socket.LocalEndPoint!);
            own.Track(socket).Dispose();
        }
        _time.Advance(TimeSpan.FromMinutes(2));
        using var last = Connect();
        using var registration = own.Track(last);

        Assert.Equal(1, own.Count);
        Assert.All(endpoints, e => Assert.False(own.Contains(e.Address, e.Port)));
        Assert.True(own.Contains(IPAddress.Loopback, ((IPEndPoint)last.LocalEndPoint!).Port));
    }
}
