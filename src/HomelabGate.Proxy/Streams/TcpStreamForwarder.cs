using System.IO.Pipelines;
using System.Net.Sockets;
using HomelabGate.Proxy.Outbound;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Proxy.Streams;

/// <summary>Pipes a connection Kestrel accepted on a stream's listener to the stream's target, bytes both ways, until
/// both sides are done. A side that finishes sending is half-closed on the other, so protocols that shut down their
/// sending side first (and still read the answer) work.</summary>
public sealed class TcpStreamForwarder(OwnConnections own, ILogger<TcpStreamForwarder> logger)
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public async Task ForwardAsync(ConnectionContext connection, TcpStreamTarget target)
    {
        using var upstream = new TcpClient { NoDelay = true };
        try
        {
            using var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            connectDeadline.CancelAfter(ConnectTimeout);
            await upstream.ConnectAsync(target.Host, target.Port, connectDeadline.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // TCP has no error page: closing the client's connection is the only answer there is.
            TcpStreamLog.ConnectFailed(logger, target.Name, target, e is SocketException s ? s.SocketErrorCode.ToString() : "timed out");
            return;
        }
        // Known as the gate's own while it lives: a stream to the admin port must not make its clients local there.
        using var registration = own.Track(upstream.Client);
        await using var network = upstream.GetStream();
        // Not linked to ConnectionClosed: Kestrel signals that when the client half-closes, and the target's answer to a
        // half-close must still reach the client. A reset on either side ends both directions instead.
        using var stop = new CancellationTokenSource();
        await Task.WhenAll(
            PumpAsync(() => connection.Transport.Input.CopyToAsync(network, stop.Token), () => upstream.Client.Shutdown(SocketShutdown.Send), stop),
            PumpAsync(() => network.CopyToAsync(connection.Transport.Output, stop.Token), () => connection.Transport.Output.Complete(), stop));
    }

    /// <summary>One direction; a reset or failure on either side ends both directions.</summary>
    private static async Task PumpAsync(Func<Task> copy, Action halfClose, CancellationTokenSource stop)
    {
        try
        {
            await copy();
            halfClose();
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            await stop.CancelAsync();
        }
    }
}
