using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace HomelabGate.Proxy.Tls;

/// <summary>Ends each TLS connection the way nginx does: a close_notify alert before the TCP FIN. Kestrel closes the
/// socket without one, and an OpenSSL 3 client that reads to the end of such a connection (HTTP/1.0, or
/// <c>Connection: close</c>) treats the EOF as a fatal error and marks its session not resumable: it then makes a full
/// handshake on the next connection although it holds a valid TLS 1.3 ticket (bench/peers.sh's resumption kind).</summary>
public static class CloseNotify
{
    /// <summary>Put right after <c>UseHttps</c> on a listener.</summary>
    public static void Send(IConnectionBuilder listener) => listener.Use(next => async connection =>
    {
        await next(connection);
        if (connection.Features.Get<ISslStreamFeature>()?.SslStream is not { } tls || connection.ConnectionClosed.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await tls.ShutdownAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The peer is gone or the connection was aborted: nothing to tell it.
        }
    });
}
