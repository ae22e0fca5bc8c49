using System.Net;
using System.Net.WebSockets;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>WebSockets over HTTP/2 (RFC 8441 extended CONNECT) through the real daemon's HTTPS listener: a client that
/// insists on HTTP/2 reaches an HTTP/1.1 WebSocket echo upstream, YARP bridging the two, and stays open while idle.</summary>
public sealed class Http2WebSocketTests(Http2WebSocketTests.Daemon daemon) : IClassFixture<Http2WebSocketTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_websocket_over_http2_echoes_through_the_https_listener()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var socket = await ConnectOverHttp2Async("ws.home.test", deadline.Token);
        var answers = new List<string>();
        foreach (var message in new[] { "hello", "over h2" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
            var buffer = new byte[256];
            var received = await socket.ReceiveAsync(buffer, deadline.Token);
            answers.Add(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);

        Assert.Equal(HttpStatusCode.OK, socket.HttpStatusCode);
        Assert.Equal(["echo over HTTP/1.1: hello", "echo over HTTP/1.1: over h2"], answers);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task A_websocket_over_http2_idle_three_times_its_pools_response_timeout_still_echoes()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var socket = await ConnectOverHttp2Async("idle.home.test", deadline.Token);

        // The idle time is what is tested: nothing to poll for. The pool's response timeout (1 s) once cut this; with
        // timeouts.idleUpgraded: 1s on the pool, this test fails as it should.
        await Task.Delay(TimeSpan.FromSeconds(3), deadline.Token);

        await socket.SendAsync(Encoding.UTF8.GetBytes("after 3 s idle"), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, deadline.Token);
        Assert.Equal("echo over HTTP/1.1: after 3 s idle", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
    }

    /// <summary>A client that insists on HTTP/2 (extended CONNECT), trusting the daemon's local CA.</summary>
    private async Task<ClientWebSocket> ConnectOverHttp2Async(string host, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri($"wss://{host}:{daemon.HttpsPort}/echo"),
                new HttpMessageInvoker(LocalCaHandler.Create(daemon.RootPem, daemon.HttpsPort)), cancellationToken);
        }
        catch (WebSocketException e)
        {
            socket.Dispose();
            Assert.Fail($"connect over HTTP/2: {e}\n--- daemon ---\n{daemon.Gate.Output}");
        }
        return socket;
    }

    public sealed class Daemon : FeatureDaemon
    {
        public int HttpsPort { get; } = FreePorts.Next();

        public string RootPem => Path.Combine(Workspace.StateDir, "ca", "root.pem");

        protected override async Task<string> StartServersAsync()
        {
            var echo = Own(await LoopbackServer.StartAsync(EchoAsync, webSockets: true));
            return $$"""
                version: 1
                settings:
                  listen:
                    http: "{{GateWorkspace.ProxyPlaceholder}}"
                    https: "127.0.0.1:{{HttpsPort}}"
                  admin: "{{GateWorkspace.AdminPlaceholder}}"
                issuers:
                  local: { type: local-ca, nameConstraints: { dns: [home.test] } }
                certificates:
                  ws: { issuer: local, domains: [ws.home.test, idle.home.test] }
                upstreams:
                  idle: { targets: ["{{echo.Address}}"], timeouts: { response: 1s } }
                hosts:
                  ws:
                    domains: [ws.home.test]
                    to: {{echo.Address}}
                    certificate: ws
                  idle:
                    domains: [idle.home.test]
                    upstream: idle
                    certificate: ws

                """;
        }

        private static async Task EchoAsync(HttpContext context)
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }
            var protocol = context.Request.Protocol;
            await WebSocketEcho.ServeAsync(context, $"echo over {protocol}: ");
        }
    }
}
