using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>Asks the kernel for an unused loopback port (TCP and UDP both free, as a DNS server needs both).</summary>
internal static class FreePorts
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // UDP side taken; try another.
            }
        }
        throw new InvalidOperationException("no free loopback port found");
    }
}
