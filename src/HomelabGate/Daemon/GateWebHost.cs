using System.Net;
using HomelabGate.Proxy.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using HomelabGate.Application;
using HomelabGate.Composition;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Validation.Rules;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon;

/// <summary>The daemon's web host: Kestrel listeners from the manifest's settings, YARP with our host middleware in its
/// pipeline, the default site for unknown names, and the admin endpoints on their own listener. Services come from the
/// one composition root (<see cref="GateServices"/>, <see cref="DaemonServices"/>).</summary>
public static class GateWebHost
{
    /// <param name="configure">Replacements after the standard registrations (tests replace the clock).</param>
    public static WebApplication Build(GatePaths paths, GatewaySettings settings, string stateDir, DaemonOptions options, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = paths.ManifestDirectory, Args = [] });
        ConfigureLogging(builder.Logging, options.LogFormat);
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = options.ShutdownTimeout);
        var admin = Endpoint(settings.AdminListen);
        var sni = new SniSelector();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = SocketTuning.InlineScheduling);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (settings.HttpListen is { } http)
            {
                kestrel.Listen(Endpoint(http), l => l.Protocols = HttpProtocols.Http1);
            }
            if (settings.HttpsListen is { } https)
            {
                kestrel.Listen(Endpoint(https), l =>
                {
                    l.Protocols = HttpProtocols.Http1AndHttp2;
                    l.UseHttps(new TlsHandshakeCallbackOptions { OnConnection = sni.SelectAsync, HandshakeTimeout = TimeSpan.FromSeconds(10) });
                    ForwardSecrecy.Enforce(l);
                    CloseNotify.Send(l);
                });
            }
            kestrel.Listen(admin, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                AdminListener.Configure(l);
            });
            Proxy.Streams.StreamListeners.Listen(kestrel, settings.Streams, sni);
        });
        builder.Services.AddGateShared().AddGateState(stateDir, settings.Cluster, daemon: true).AddGateDaemon(paths, settings, stateDir, options, sni);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        var adminEndpoints = app.Services.GetRequiredService<AdminEndpoints>();
        // First, on every listener: requests framed both ways (smuggling), with other codings, CONNECT and TRACE are refused.
        app.UseMiddleware<Proxy.Requests.RequestShapeGuard>();
        // The port compare is the cheap filter for proxy requests; the connection's mark decides.
        app.MapWhen(context => context.Connection.LocalPort == admin.Port && AdminListener.Accepted(context), branch => branch.Run(adminEndpoints.HandleAsync));
        app.UseMiddleware<RequestObservationMiddleware>();
        // After the (implicit) routing, so a route's timeout from its endpoint metadata applies; the answer is 504.
        app.UseRequestTimeouts();
        ProxyPipeline.SkipImplicitAuthorization(app);
        app.MapReverseProxy(ProxyPipeline.Configure);
        var defaultSite = app.Services.GetRequiredService<DefaultSiteHandler>();
        app.Map("/{**catch-all}", defaultSite.HandleAsync).WithOrder(int.MaxValue);
        return app;
    }

    private static IPEndPoint Endpoint(string address) =>
        ListenAddress.TryParse(address, out var endpoint, out var problem)
            ? endpoint
            : throw new InvalidOperationException($"'{address}' is not a listen address: {problem}");

    private static void ConfigureLogging(ILoggingBuilder logging, LogFormat format)
    {
        logging.ClearProviders();
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        // YARP and ASP.NET log every request at Information; on the hot path that costs more than the proxying.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        // While this category is enabled at any level, ASP.NET starts an Activity per request for log scopes (a few
        // hundred bytes and a trace id each); it logs nothing else we show (start-up failures are GateDaemon's line).
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter("Yarp", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // A failed start is reported by GateDaemon in one line; the host's own report is a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }
}
