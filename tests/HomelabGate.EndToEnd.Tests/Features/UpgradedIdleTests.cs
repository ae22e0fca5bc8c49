using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>An open WebSocket through the real daemon stays open while both ends keep it, however long it is idle: the
/// pool's <c>timeouts.response</c> (1 s here, standing in for the 100 s default that cut idle Proxmox consoles) still
/// answers a slow plain request with 504, but no longer reaches an upgraded connection; <c>timeouts.idleUpgraded</c>
/// is the one bound, when set.</summary>
public sealed class UpgradedIdleTests(UpgradedIdleTests.Daemon daemon) : IClassFixture<UpgradedIdleTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(20);

    private async Task<ClientWebSocket> ConnectAsync(string host, CancellationToken cancellationToken)
    {
        var port = daemon.Gate.Workspace.Ports.Proxy;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync("127.0.0.1", port, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri($"ws://{host}:{port}/echo"), new HttpMessageInvoker(handler), cancellationToken);
        return client;
    }

    private static async Task<string> EchoAsync(ClientWebSocket socket, string message, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    [Fact]
    public async Task A_websocket_idle_five_times_the_response_timeout_still_echoes()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var socket = await ConnectAsync("ws.test", deadline.Token);
        Assert.Equal("echo: before", await EchoAsync(socket, "before", deadline.Token));

        // The idle time is what is tested: nothing to poll for.
        await Task.Delay(TimeSpan.FromSeconds(5), deadline.Token);

        Assert.Equal("echo: after 5 s idle", await EchoAsync(socket, "after 5 s idle", deadline.Token));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
    }

    [Fact]
    public async Task The_response_timeout_still_answers_a_slow_plain_request_with_504()
    {
        var result = await Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, "ws.test", "/slow");

        Assert.Equal(504, result.Status);
        Assert.Equal("504 Gateway Timeout: ws.test did not answer in time.\n", result.Body);
    }

    [Fact]
    public async Task Idle_upgraded_closes_a_websocket_idle_that_long_and_only_then()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var socket = await ConnectAsync("bounded.test", deadline.Token);
        Assert.Equal("echo: hello", await EchoAsync(socket, "hello", deadline.Token));
        var idleSince = DateTimeOffset.UtcNow;

        var closed = await Record.ExceptionAsync(async () =>
        {
            var received = await socket.ReceiveAsync(new byte[256], deadline.Token);
            Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        });

        Assert.True(closed is null or WebSocketException, $"{closed}");
        Assert.False(deadline.IsCancellationRequested, "the idle connection was not closed by idleUpgraded: 1s");
        Assert.True(DateTimeOffset.UtcNow - idleSince >= TimeSpan.FromMilliseconds(900), "closed before it was idle for 1 s");
    }

    public sealed class Daemon : FeatureDaemon
    {
        protected override async Task<string> StartServersAsync()
        {
            var echo = Own(await LoopbackServer.StartAsync(ServeAsync, webSockets: true));
            return Manifests.Header + $$"""
                upstreams:
                  ws: { targets: ["{{echo.Address}}"], timeouts: { response: 1s } }
                  bounded: { targets: ["{{echo.Address}}"], timeouts: { response: 1s, idleUpgraded: 1s } }
                hosts:
                  ws: { domains: [ws.test], upstream: ws }
                  bounded: { domains: [bounded.test], upstream: bounded }
                """;
        }

        private static async Task ServeAsync(HttpContext context)
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
                await context.Response.WriteAsync("slow");
                return;
            }
            await WebSocketEcho.ServeAsync(context, "echo: ");
        }
    }
}
