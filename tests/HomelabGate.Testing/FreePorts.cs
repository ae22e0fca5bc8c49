using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Testing;

/// <summary>Loopback ports nobody listens on, free for TCP and UDP alike (a DNS server needs both), held together
/// while more are taken, so one call never returns a port twice.
/// They come from outside the kernel's ephemeral range (ip_local_port_range): a port from there, once released, can
/// be handed to any process's next outgoing connection before the test binds it (a clean-clone CI run lost two tests
/// so: a gate's stream listener found its port held by a connection). Outside the range only an explicit bind takes a
/// port, so what remains is another test picking the same one at the same moment: fixtures retry with fresh ports.</summary>
public static class FreePorts
{
    private const int Lowest = 10000; // below: well-known and registered services a machine may run

    public static int Next() => Take(1)[0];

    public static int[] Take(int count)
    {
        var windows = Windows();
        var size = windows.Sum(w => w.Count);
        var held = new List<TcpListener>();
        var ports = new List<int>();
        try
        {
            while (ports.Count < count)
            {
                var listener = size >= 1000 ? TryListen(Pick(windows, Random.Shared.Next(size))) : TryListen(0);
                if (listener is null)
                {
                    continue;
                }
                held.Add(listener);
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
            held.ForEach(l => l.Stop());
        }
    }

    /// <summary>The stretches below and above the ephemeral range (Linux's default 32768–60999).</summary>
    private static (int First, int Count)[] Windows()
    {
        var (low, high) = EphemeralRange();
        return [(Lowest, Math.Max(0, low - Lowest)), (high + 1, Math.Max(0, 65535 - high))];
    }

    private static (int Low, int High) EphemeralRange()
    {
        try
        {
            var fields = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (32768, 60999);
        }
    }

    private static int Pick((int First, int Count)[] windows, int index)
    {
        foreach (var (first, count) in windows)
        {
            if (index < count)
            {
                return first + index;
            }
            index -= count;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private static TcpListener? TryListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Stop();
            return null;
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
