using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary><c>docker stop</c> sends SIGTERM and waits 10 s: in-flight requests over HTTP/1.1 and HTTP/2 finish (3 s,
/// longer than System.CommandLine's 2 s default that once cut them), no new connection is accepted, an open WebSocket
/// keeps working while they drain and is closed once they are done, and gate exits 0 — not after the whole budget when
/// only WebSockets remain.</summary>
public sealed class DrainTests : IAsyncLifetime
{
    private const int SlowMs = 3000;
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(20);
    private readonly GateWorkspace _workspace = GateWorkspace.Create();
    private readonly int _httpsPort = FreePorts.Next();
    private Upstreams _upstreams = null!;
    private LoopbackServer _echo = null!;
    private GateProcess _gate = null!;

    public async Task InitializeAsync()
    {
        _upstreams = await Upstreams.StartAsync("slow");
        _echo = await LoopbackServer.StartAsync(EchoAsync, webSockets: true);
        _workspace.WriteManifest($$"""
            version: 1
            settings:
              listen:
                http: "{{GateWorkspace.ProxyPlaceholder}}"
                https: "127.0.0.1:{{_httpsPort}}"
              admin: "{{GateWorkspace.AdminPlaceholder}}"
            issuers:
              local: { type: local-ca, nameConstraints: { dns: [home.test] } }
            certificates:
              site: { issuer: local, domains: [app.home.test, ws.home.test] }
            hosts:
              app:
                domains: [app.home.test]
                to: {{_upstreams["slow"].Address}}
                certificate: site
              ws:
                domains: [ws.home.test]
                to: {{_echo.Address}}
                certificate: site

            """);
        _gate = await GateProcess.StartAsync(_workspace);
    }

    [Fact]
    public async Task An_http1_request_in_flight_finishes_new_connections_are_refused_and_gate_exits_0()
    {
        var clock = Stopwatch.StartNew();
        var slow = _gate.GetAsync("app.home.test", $"/slow?ms={SlowMs}");
        await Poll.UntilAsync(() => Task.FromResult(_upstreams["slow"].InFlight), n => n == 1, "the slow request reached the upstream", TimeSpan.FromSeconds(30));

        await _gate.SignalAsync("TERM");

        await Poll.UntilAsync(() => ConnectsAsync(_workspace.Ports.Proxy), connects => !connects, "the proxy listener stopped accepting");
        var result = await slow;
        Assert.Equal(200, result.Status);
        Assert.Equal("slow", UpstreamEcho.From(result).Upstream);
        Assert.True(clock.ElapsedMilliseconds >= SlowMs, $"the slow request came back after only {clock.Elapsed}");
        Assert.Equal(0, await ExitCodeAsync());
    }

    [Fact]
    public async Task An_http2_request_in_flight_over_tls_finishes_and_gate_exits_0()
    {
        using var client = new HttpClient(LocalCaHandler.Create(RootPem, _httpsPort))
        {
            DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact, Timeout = Bounded,
        };
        var slow = client.GetAsync($"https://app.home.test:{_httpsPort}/slow?ms={SlowMs}");
        await Poll.UntilAsync(() => Task.FromResult(_upstreams["slow"].InFlight), n => n == 1, "the slow request reached the upstream", TimeSpan.FromSeconds(30));

        await _gate.SignalAsync("TERM");

        using var response = await slow;
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"upstream\":\"slow\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ExitCodeAsync());
    }

    [Fact]
    public async Task A_websocket_keeps_working_while_a_request_drains_then_is_closed_and_gate_exits_before_the_budget()
    {
        using var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(Bounded);
        await socket.ConnectAsync(new Uri($"ws://{_workspace.Ports.ProxyAddress}/echo"), Invoker("ws.home.test"), deadline.Token);
        var slow = _gate.GetAsync("app.home.test", $"/slow?ms={SlowMs}");
        await Poll.UntilAsync(() => Task.FromResult(_upstreams["slow"].InFlight), n => n == 1, "the slow request reached the upstream", TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        await _gate.SignalAsync("TERM");

        Assert.Equal("echo: during the drain", await EchoAsync(socket, "during the drain", deadline.Token));
        Assert.Equal(200, (await slow).Status);
        // Nothing more to drain: the proxy closes the WebSocket; the client's next read ends instead of waiting.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var received = await socket.ReceiveAsync(new byte[256], deadline.Token);
            Assert.Equal(WebSocketMessageType.Close, received.MessageType);
            throw new WebSocketException("closed by the proxy");
        });
        Assert.Equal(0, await ExitCodeAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(SlowMs) + TimeSpan.FromSeconds(3),
            $"gate took {clock.Elapsed} to stop: it waited for the WebSocket instead of closing it once the request was done");
    }

    [Fact]
    public async Task With_only_a_websocket_open_gate_stops_at_once()
    {
        using var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(Bounded);
        await socket.ConnectAsync(new Uri($"ws://{_workspace.Ports.ProxyAddress}/echo"), Invoker("ws.home.test"), deadline.Token);
        Assert.Equal("echo: hello", await EchoAsync(socket, "hello", deadline.Token));
        var clock = Stopwatch.StartNew();

        await _gate.SignalAsync("TERM");

        Assert.Equal(0, await ExitCodeAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"gate took {clock.Elapsed} to stop with only an idle WebSocket open");
    }

    private string RootPem => Path.Combine(_workspace.StateDir, "ca", "root.pem");

    private async Task<int> ExitCodeAsync()
    {
        var code = await _gate.WaitForExitAsync(Bounded);
        Assert.True(code == 0, $"gate exited with {code} after SIGTERM:\n{_gate.Output}");
        return code;
    }

    /// <summary>Sends the Host header the manifest routes on, over the plain HTTP listener.</summary>
    private static HttpMessageInvoker Invoker(string host) => new(new HostHeaderHandler(host, new SocketsHttpHandler { UseProxy = false }));

    private static async Task<bool> ConnectsAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<string> EchoAsync(ClientWebSocket socket, string message, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, cancellationToken);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            throw new WebSocketException("closed");
        }
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                await socket.SendAsync(Encoding.UTF8.GetBytes($"echo: {Encoding.UTF8.GetString(buffer, 0, received.Count)}"),
                    WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The proxy closed the connection: what this test wants to see.
        }
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        await _echo.DisposeAsync();
        await _upstreams.DisposeAsync();
        _workspace.Dispose();
    }

    private sealed class HostHeaderHandler(string host, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = host;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
