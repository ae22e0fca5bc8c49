using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Tests.TestKit;

public sealed class FreePortsTests
{
    [Fact]
    public void Ports_lie_outside_the_kernels_ephemeral_range_so_no_outgoing_connection_can_hold_one()
    {
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();

        var ports = FreePorts.Take(50);

        Assert.All(ports, p => Assert.True(p < range[0] || p > range[1], $"{p} is inside {range[0]}-{range[1]}"));
        Assert.Equal(ports.Length, ports.Distinct().Count());
    }

    [Fact]
    public void Each_port_can_be_bound_for_tcp_and_udp_alike()
    {
        foreach (var port in FreePorts.Take(5))
        {
            var tcp = new TcpListener(IPAddress.Loopback, port);
            tcp.Start();
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            }
            finally
            {
                tcp.Stop();
            }
        }
    }
}
