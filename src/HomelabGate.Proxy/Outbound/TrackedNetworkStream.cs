using System.Net.Sockets;

namespace HomelabGate.Proxy.Outbound;

/// <summary>A connection's stream that tells <see cref="OwnConnections"/> when it closes, and remembers which target
/// (the URL's host, a name or an IP) it was opened to: TLS checks the upstream's certificate against that name.</summary>
internal sealed class TrackedNetworkStream(Socket socket, IDisposable registration, string target) : NetworkStream(socket, ownsSocket: true)
{
    public string Target { get; } = target;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            registration.Dispose();
        }
        base.Dispose(disposing);
    }
}
