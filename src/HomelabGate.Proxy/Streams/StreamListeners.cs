using HomelabGate.Core.Desired;
using HomelabGate.Core.Validation.Rules;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Proxy.Streams;

/// <summary>One Kestrel listener per stream, with a connection handler instead of HTTP. Like the HTTP listeners they
/// are bound once at start: a stream added, removed or moved in the manifest takes effect on restart.</summary>
public static class StreamListeners
{
    public static void Listen(KestrelServerOptions kestrel, IEnumerable<TcpStream> streams)
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
                var forwarder = listen.ApplicationServices.GetRequiredService<TcpStreamForwarder>();
                listen.Run(connection => forwarder.ForwardAsync(connection, target));
            });
        }
    }
}
