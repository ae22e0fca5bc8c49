using System.Net.Sockets;

namespace HomelabGate.Proxy.Outbound;

/// <summary>A connection's stream that tells <see cref="OwnConnections"/> when it closes.</summary>
internal sealed class TrackedNetworkStream(Socket socket, IDisposable registration) : NetworkStream(socket, ownsSocket: true)
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            registration.Dispose();
        }
        base.Dispose(disposing);
    }
}
