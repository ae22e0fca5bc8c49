using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HomelabGate.EndToEnd.Tests.Features;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>A real HTTP receiver on loopback standing where ntfy, Gotify or Home Assistant would: it records every POST
/// (its Authorization header and JSON body) and refuses the first <c>failFirst</c> with 500, as a receiver that is
/// restarting would.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _accepted = new();
    private readonly ConcurrentQueue<Received> _refused = new();
    private LoopbackServer _server = null!;
    private int _failuresLeft;

    public string Url => $"{_server.Address}/hook";

    public IReadOnlyList<Received> Accepted => [.. _accepted];

    public IReadOnlyList<Received> Refused => [.. _refused];

    public static async Task<WebhookReceiver> StartAsync(int failFirst)
    {
        var receiver = new WebhookReceiver { _failuresLeft = failFirst };
        receiver._server = await LoopbackServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var received = new Received(context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? "", body, JsonNode.Parse(body)!.AsObject());
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            _refused.Enqueue(received);
            context.Response.StatusCode = 500;
            return;
        }
        _accepted.Enqueue(received);
        context.Response.StatusCode = 200;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public sealed record Received(string Path, string Authorization, string ContentType, string Body, JsonObject Json)
    {
        public string Event => (string)Json["event"]!;

        public string Status => (string)Json["status"]!;

        public string Title => (string)Json["title"]!;
    }
}
