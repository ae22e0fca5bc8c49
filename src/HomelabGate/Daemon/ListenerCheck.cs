using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Validation.Rules;

namespace HomelabGate.Daemon;

/// <summary>Before anything is applied, checks that every listener of the manifest can bind, so a port already in use
/// or a privileged port is one clear line at start — naming the manifest's field and what to do — instead of a stack
/// trace after a misleading "Applied". Kestrel binds for real moments later; a port taken in between is still reported
/// (without a trace) by <see cref="GateDaemon"/>.</summary>
public static class ListenerCheck
{
    public static IReadOnlyList<string> Problems(GatewaySettings settings)
    {
        var listeners = new List<(string Field, string? Address)>
        {
            ("settings.listen.http", settings.HttpListen),
            ("settings.listen.https", settings.HttpsListen),
            ("settings.admin", settings.AdminListen),
        };
        listeners.AddRange(settings.Streams.Select(s => ($"streams.{s.Name}.listen", (string?)s.Listen)));
        var problems = new List<string>();
        foreach (var (field, address) in listeners)
        {
            if (address is not null && ListenAddress.TryParse(address, out var endpoint, out _) && Probe(endpoint) is { } problem)
            {
                problems.Add($"cannot listen on {address} ({field}): {problem}");
            }
        }
        return problems;
    }

    private static string? Probe(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel binds: a port in TIME_WAIT is free, one with a listener is not.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(endpoint);
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var port = endpoint.Port.ToString(CultureInfo.InvariantCulture);
            return $"the address is already in use; another program listens there (see it with: ss -ltnp 'sport = :{port}'), stop it or choose another port";
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            return "permission denied: ports below 1024 need root or CAP_NET_BIND_SERVICE (the container image and the systemd unit grant it; " +
                "elsewhere: setcap cap_net_bind_service=+ep on the dotnet binary, or sysctl net.ipv4.ip_unprivileged_port_start=80)";
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            return "this machine has no such address (a typo, or an interface that is not up yet?)";
        }
    }
}
