using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>A host's <c>timeout</c> through the real daemon: an upstream slower than it gets the client a 504 when the
/// timeout passes (not when the upstream finally answers); a faster one is answered as usual; an open WebSocket outlives
/// it.</summary>
public sealed class RequestTimeoutTests(RequestTimeoutTests.Daemon daemon) : IClassFixture<RequestTimeoutTests.Daemon>
{
    private Task<HttpResult> CurlAsync(string host, string path) => Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, host, path);

    [Fact]
    public async Task An_upstream_slower_than_the_timeout_gets_the_client_a_504_when_the_timeout_passes()
    {
        var clock = Stopwatch.StartNew();
        var result = await CurlAsync("timed.test", "/slow?ms=8000");
        clock.Stop();

        Assert.True(result.Status == 504, $"expected 504, got {result}\n--- daemon ---\n{daemon.Gate.Output}");
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task An_upstream_faster_than_the_timeout_is_answered()
    {
        var result = await CurlAsync("timed.test", "/slow?ms=100");

        Assert.Equal(200, result.Status);
        Assert.Equal("slow", result.Header("X-Upstream"));
    }

    [Fact]
    public async Task A_host_without_a_timeout_waits_for_its_upstream()
    {
        var result = await CurlAsync("patient.test", "/slow?ms=2500");

        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task A_websocket_stays_open_past_the_hosts_timeout()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Host", "timed.test");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{daemon.Gate.Workspace.Ports.Proxy}/ws"), deadline.Token);

        await Task.Delay(TimeSpan.FromMilliseconds(1500), deadline.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("still there"), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, deadline.Token);

        Assert.Equal("still there", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
    }

    public sealed class Daemon : FeatureDaemon
    {
        protected override async Task<string> StartServersAsync()
        {
            var upstream = Own(await UpstreamServer.StartAsync("slow"));
            var sockets = Own(await LoopbackServer.StartAsync(EchoAsync, webSockets: true));
            return Manifests.Header + $"""
                hosts:
                  timed:
                    domains: [timed.test]
                    to: {upstream.Address}
                    timeout: 1s
                    locations: [{"{"} path: /ws, to: "{sockets.Address}" {"}"}]
                  patient:
                    domains: [patient.test]
                    to: {upstream.Address}
                """;
        }

        private static async Task EchoAsync(HttpContext context)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[64];
            while (await socket.ReceiveAsync(buffer, context.RequestAborted) is { MessageType: not WebSocketMessageType.Close } received)
            {
                await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
        }
    }
}
