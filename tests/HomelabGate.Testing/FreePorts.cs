using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Testing;

/// <summary>Loopback ports nobody listens on, free for TCP and UDP alike (a DNS server needs both), found by binding
/// port 0 and held together while more are taken, so one call never returns a port twice. Between release here and the
/// test's own bind another process could take one: fixtures retry with fresh ports when a start fails.</summary>
public static class FreePorts
{
    public static int Next() => Take(1)[0];

    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        var ports = new List<int>();
        try
        {
            while (ports.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (UdpIsFree(port))
                {
                    ports.Add(port);
                }
            }
            return [.. ports];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static bool UdpIsFree(int port)
    {
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
