using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Proxy.Outbound;

/// <summary>The local endpoints of the gate's own connections to loopback addresses: to upstreams, auth servers and
/// stream targets. A request arriving at the admin listener from one of them was relayed by the gate for some client
/// (a host with <c>to: http://127.0.0.1:ADMIN</c>, a stream to the admin port), so it must not count as local. An
/// endpoint stays known for a minute after its connection closes: the listener may still be reading what was sent.</summary>
public sealed class OwnConnections(TimeProvider time)
{
    private static readonly TimeSpan Linger = TimeSpan.FromMinutes(1);
    private const int SweepAbove = 64;
    private readonly ConcurrentDictionary<IPEndPoint, DateTimeOffset> _endpoints = new();

    /// <summary>Connects as SocketsHttpHandler does by default, and remembers the connection while it lives.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new TrackedNetworkStream(socket, Track(socket), context.DnsEndPoint.Host);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <returns>Dispose when the connection closes.</returns>
    public IDisposable Track(Socket socket)
    {
        if (socket.RemoteEndPoint is not IPEndPoint remote || !IPAddress.IsLoopback(Normalize(remote.Address))
            || socket.LocalEndPoint is not IPEndPoint local)
        {
            return Registration.Nothing;
        }
        var key = new IPEndPoint(Normalize(local.Address), local.Port);
        if (_endpoints.Count > SweepAbove)
        {
            Sweep();
        }
        _endpoints[key] = DateTimeOffset.MaxValue;
        return new Registration(() => _endpoints[key] = time.GetUtcNow() + Linger);
    }

    /// <summary>Endpoints held, open or lingering (for tests of the sweep).</summary>
    internal int Count => _endpoints.Count;

    /// <summary>Whether a peer address and port is one of the gate's own outgoing connections.</summary>
    public bool Contains(IPAddress? address, int port) =>
        address is not null && _endpoints.TryGetValue(new IPEndPoint(Normalize(address), port), out var until) && until > time.GetUtcNow();

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (endpoint, until) in _endpoints)
        {
            if (until <= now)
            {
                _endpoints.TryRemove(new KeyValuePair<IPEndPoint, DateTimeOffset>(endpoint, until));
            }
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed class Registration(Action? release) : IDisposable
    {
        public static readonly Registration Nothing = new(null);
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
