using System.Net;
using System.Text;
using System.Text.Json;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>A tiny HTTP server on 127.0.0.1 and a free port that hands each request to a handler; the stand-ins
/// for Pi-hole and Cloudflare are built on it.</summary>
public sealed record StandinRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public sealed record StandinResponse(int Status, object? Body);

public sealed class StandinHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<StandinRequest, StandinResponse> _handler;
    private readonly Task _loop;

    public StandinHttpServer(Func<StandinRequest, StandinResponse> handler)
    {
        _handler = handler;
        var port = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    public List<StandinRequest> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, the managed HttpListener's Close looks its endpoint up again and, finding none,
        // binds the port anew only to remove the prefix, which fails while anything holds the port by then: a
        // connection it accepted, or another process (seen in CI as "Address already in use" from DisposeAsync).
        _listener.Close();
        await _loop;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var url = context.Request.Url!;
            var request = new StandinRequest(
                context.Request.HttpMethod,
                Uri.UnescapeDataString(url.AbsolutePath),
                Uri.UnescapeDataString(url.Query.TrimStart('?')),
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                await reader.ReadToEndAsync());
            StandinResponse response;
            lock (Requests)
            {
                Requests.Add(request);
                response = _handler(request);
            }
            context.Response.StatusCode = response.Status;
            if (response.Body is not null)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(response.Body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            context.Response.Close();
        }
    }
}
