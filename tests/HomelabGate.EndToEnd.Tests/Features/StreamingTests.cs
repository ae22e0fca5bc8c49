using System.Net.WebSockets;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>Long-lived connections through the real daemon: a WebSocket echo and a server-sent event stream whose first
/// event must arrive while the upstream is still writing.</summary>
public sealed class StreamingTests(StreamingTests.Daemon daemon) : IClassFixture<StreamingTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_websocket_echo_works_through_the_proxy()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Host", "ws.test");
        using var deadline = new CancellationTokenSource(Bounded);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{daemon.Gate.Workspace.Ports.Proxy}/echo"), deadline.Token);

        var answers = new List<string>();
        foreach (var message in new[] { "hello", "homelab" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
            var buffer = new byte[256];
            var received = await socket.ReceiveAsync(buffer, deadline.Token);
            answers.Add(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);

        Assert.Equal(["echo: hello", "echo: homelab"], answers);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task The_first_server_sent_event_arrives_before_the_upstream_finishes()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var request = new HttpRequestMessage(HttpMethod.Get, daemon.Gate.ProxyUrl("/events"));
        request.Headers.Host = "sse.test";
        using var response = await TestHttp.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));

        var first = await reader.ReadLineAsync(deadline.Token);
        var finishedBeforeFirstEvent = daemon.Finish.Task.IsCompleted;
        daemon.Finish.TrySetResult();
        var rest = await reader.ReadToEndAsync(deadline.Token);

        Assert.Equal("data: first", first);
        Assert.False(finishedBeforeFirstEvent);
        Assert.Equal("\ndata: last\n\n", rest);
    }

    public sealed class Daemon : FeatureDaemon
    {
        /// <summary>The SSE upstream sends its last event only when the test has seen the first.</summary>
        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<string> StartServersAsync()
        {
            var echo = Own(await LoopbackServer.StartAsync(EchoAsync, webSockets: true));
            var events = Own(await LoopbackServer.StartAsync(EventsAsync));
            return Manifests.Header + $"""
                hosts:
                  ws:
                    domains: [ws.test]
                    to: {echo.Address}
                    compression: true
                  sse:
                    domains: [sse.test]
                    to: {events.Address}
                    compression: true
                """;
        }

        private static async Task EchoAsync(HttpContext context)
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }
            await WebSocketEcho.ServeAsync(context, "echo: ");
        }

        private async Task EventsAsync(HttpContext context)
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: first\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Finish.Task.WaitAsync(Bounded, context.RequestAborted);
            await context.Response.WriteAsync("data: last\n\n", context.RequestAborted);
        }
    }
}
