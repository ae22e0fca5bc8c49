using HomelabGate.Core.Desired;
using HomelabGate.Core.Validation.Rules;
using HomelabGate.Proxy.Tls;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Proxy.Streams;

/// <summary>One Kestrel listener per stream, with a connection handler instead of HTTP. Like the HTTP listeners they
/// are bound once at start: a stream added, removed or moved in the manifest takes effect on restart. A stream with a
/// certificate terminates TLS first, with that certificate as the current set holds it (renewals apply to the next
/// handshake).</summary>
public static class StreamListeners
{
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public static void Listen(KestrelServerOptions kestrel, IEnumerable<TcpStream> streams, SniSelector certificates)
    {
        foreach (var stream in streams)
        {
            if (!ListenAddress.TryParse(stream.Listen, out var endpoint, out var problem))
            {
                throw new InvalidOperationException($"stream '{stream.Name}': '{stream.Listen}' is not a listen address: {problem}");
            }
            var target = TcpStreamTarget.From(stream);
            kestrel.Listen(endpoint, listen =>
            {
                if (stream.Certificate is { } certificate)
                {
                    listen.UseHttps(new TlsHandshakeCallbackOptions
                    {
                        OnConnection = _ => certificates.SelectForCertificate(certificate),
                        HandshakeTimeout = HandshakeTimeout,
                    });
                    Tls.ForwardSecrecy.Enforce(listen);
                }
                var forwarder = listen.ApplicationServices.GetRequiredService<TcpStreamForwarder>();
                listen.Run(connection => forwarder.ForwardAsync(connection, target));
            });
        }
    }
}
