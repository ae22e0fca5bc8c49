using System.Net;
using HomelabGate.Application;
using HomelabGate.Certificates.Reconciling;
using HomelabGate.Integration;
using HomelabGate.Proxy.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.State;
using HomelabGate.Core.Validation.Rules;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Proxy;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using HomelabGate.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon;

/// <summary>The composition root of the daemon: Kestrel listeners from the manifest's settings, YARP with our host
/// middleware in its pipeline, the default site for unknown names, and the admin endpoints on their own port.</summary>
public static class GateWebHost
{
    public static WebApplication Build(GatePaths paths, GatewaySettings settings, string stateDir, DaemonOptions options, ManifestPipeline pipeline)
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
                });
            }
            kestrel.Listen(admin, l => l.Protocols = HttpProtocols.Http1);
            Proxy.Streams.StreamListeners.Listen(kestrel, settings.Streams, sni);
        });
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISecretResolver, EnvironmentAndFileSecretResolver>();
        services.AddSingleton(paths);
        services.AddSingleton(pipeline);
        services.AddSingleton(options);
        services.AddSingleton(new StateStore(stateDir));
        services.AddSingleton(BootSettings.From(settings, stateDir));
        services.AddSingleton<DaemonStatus>();
        services.AddSingleton(sni);
        services.AddSingleton(sp => new DnsProviderFactory(stateDir, sp.GetRequiredService<ISecretResolver>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RetryBackoff>();
        services.AddSingleton(sp => new DnsStep(sp.GetRequiredService<DnsProviderFactory>(), sp.GetRequiredService<RetryBackoff>()));
        services.AddSingleton<IExternalIssuer>(sp => new AcmeIssuer(stateDir, sp.GetRequiredService<ISecretResolver>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DnsProviderFactory>(), sp.GetRequiredService<RetryBackoff>(), sp.GetRequiredService<ILogger<AcmeIssuer>>()));
        services.AddSingleton(sp => new CertificateReconciler(stateDir, sp.GetRequiredService<TimeProvider>(), sp.GetServices<IExternalIssuer>()));
        services.AddSingleton<ReconcileLoop>();
        services.AddGateProxy();
        services.AddSingleton<Proxy.Streams.TcpStreamForwarder>();
        services.AddResponseCompression(Proxy.Compression.HostCompression.Configure);
        services.AddSingleton<PlanJsonRenderer>();
        services.AddSingleton<PlanTextRenderer>();
        services.AddObservability(settings);
        services.AddSingleton(new CaDownloadEndpoints(stateDir));
        services.AddSingleton<AdminEndpoints>();
        // Sticky-session cookies are protected with these keys; keeping them in the state dir keeps sessions across restarts.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(stateDir, "keys"))).SetApplicationName("homelabgate");

        var app = builder.Build();
        var adminEndpoints = app.Services.GetRequiredService<AdminEndpoints>();
        app.MapWhen(context => context.Connection.LocalPort == admin.Port, branch => branch.Run(adminEndpoints.HandleAsync));
        app.UseMiddleware<RequestObservationMiddleware>();
        // After the (implicit) routing, so a route's timeout from its endpoint metadata applies; the answer is 504.
        app.UseRequestTimeouts();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RequestTimeoutAnswer>();
            proxy.UseMiddleware<HostPolicyMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
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
        logging.AddFilter("Yarp", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }
}
