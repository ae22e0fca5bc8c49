using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>A Kestrel app on a loopback port with the handler a test needs (an auth server, a WebSocket echo, an SSE
/// stream). It can be stopped and started again on the same port, as a restarted appliance would be.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly RequestDelegate _handler;
    private readonly bool _webSockets;
    private readonly X509Certificate2? _certificate;
    private WebApplication? _app;
    private int _requests;

    private LoopbackServer(RequestDelegate handler, bool webSockets, X509Certificate2? certificate)
    {
        _handler = handler;
        _webSockets = webSockets;
        _certificate = certificate;
    }

    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:PORT (https:// with a certificate), as a manifest target.</summary>
    public string Address => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}";

    public int Requests => Volatile.Read(ref _requests);

    /// <param name="certificate">When given, the server speaks HTTPS only, with this certificate (and its key).</param>
    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, bool webSockets = false, X509Certificate2? certificate = null)
    {
        var server = new LoopbackServer(handler, webSockets, certificate);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts (again) on the same port; the first start picks a free one.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (_certificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }
        builder.WebHost.UseUrls(Address);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        if (_webSockets)
        {
            app.UseWebSockets();
        }
        app.Run(context =>
        {
            Interlocked.Increment(ref _requests);
            return _handler(context);
        });
        await app.StartAsync();
        Port = new Uri(app.Urls.Single()).Port;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
