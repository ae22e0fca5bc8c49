using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>Asks the kernel for free loopback ports (TCP and, for DNS, UDP too) so parallel fixtures never collide.</summary>
internal static class FreePorts
{
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
