using System.Net;
using System.Net.Sockets;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>TCP streams through the real daemon: bytes both ways to a TCP echo server, half-close passed on, and a
/// target that does not answer closes the client's connection.</summary>
public sealed class TcpStreamTests(TcpStreamTests.Daemon daemon) : IClassFixture<TcpStreamTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Bytes_go_both_ways_through_a_stream_and_a_half_close_reaches_the_target()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, daemon.EchoPort, deadline.Token);
        var stream = client.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-homelab\r\n"), deadline.Token);
        var first = await ReadAsync(stream, 17, deadline.Token);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("bye"), deadline.Token);
        client.Client.Shutdown(SocketShutdown.Send);
        var rest = await ReadToEndAsync(stream, deadline.Token);

        Assert.Equal("SSH-2.0-homelab\r\n", first);
        Assert.Equal("bye", rest);
    }

    [Fact]
    public async Task A_stream_whose_target_refuses_closes_the_clients_connection()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, daemon.DeadPort, deadline.Token);

        var read = await ReadToEndAsync(client.GetStream(), deadline.Token);

        Assert.Equal("", read);
    }

    private static async Task<string> ReadAsync(NetworkStream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer);
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        try
        {
            await stream.CopyToAsync(memory, cancellationToken);
        }
        catch (IOException)
        {
            // A reset is as much a close as a FIN here.
        }
        return Encoding.ASCII.GetString(memory.ToArray());
    }

    public sealed class Daemon : FeatureDaemon
    {
        public int EchoPort { get; } = FreePorts.Next();

        public int DeadPort { get; } = FreePorts.Next();

        protected override Task<string> StartServersAsync()
        {
            var echo = Own(TcpEchoServer.Start());
            return Task.FromResult(Manifests.Header + $"""
                hosts:
                  web:
                    domains: [web.test]
                    respond: {"{"} body: ok {"}"}
                streams:
                  echo: {"{"} listen: "127.0.0.1:{EchoPort}", to: "127.0.0.1:{echo.Port}" {"}"}
                  dead: {"{"} listen: "127.0.0.1:{DeadPort}", to: "127.0.0.1:{FreePorts.Next()}" {"}"}
                """);
        }
    }
}
