using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>A real HTTP server on a loopback port (Kestrel inside the test process). Every answer names the server and
/// echoes the request (see <see cref="UpstreamEcho"/>); <c>/slow?ms=N</c> answers after N milliseconds.</summary>
public sealed class UpstreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _inFlight;

    private UpstreamServer(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT, as a manifest target.</summary>
    public string Address => Url.GetLeftPart(UriPartial.Authority);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public static async Task<UpstreamServer> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new UpstreamServer(name, app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.Single());
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var request = context.Request;
            if (request.Path == "/slow")
            {
                var ms = int.Parse(request.Query["ms"].FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
                await Task.Delay(ms, context.RequestAborted);
            }
            var echo = new UpstreamEcho(Name, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
                request.Headers.Host.ToString(), Header(request, "X-Forwarded-For"), Header(request, "X-Forwarded-Proto"),
                Header(request, "X-Forwarded-Host"));
            context.Response.Headers["X-Upstream"] = Name;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(echo.ToJson(), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client (or the proxy) gave up; nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public override string ToString() => $"{Name} at {Url}";
}
