using HomelabGate.Core.Desired;
using HomelabGate.Proxy;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.AccessLog;

/// <summary>Writes one access log line per proxied request (category <see cref="AccessLogMessages.Category"/>) unless
/// the served manifest says <c>settings.accessLog: false</c>; the setting follows reloads. Only the host, method,
/// path with a redacted query, status, duration, upstream and client address are written — never a header, so neither
/// Authorization nor Cookie can reach a log.</summary>
public sealed class AccessLogWriter(ILoggerFactory loggers, ProxyReconciler proxy)
{
    private readonly ILogger _logger = loggers.CreateLogger(AccessLogMessages.Category);
    private Prepared _prepared = new(null, true, new ClientAddressResolver([]));

    public void Write(HttpContext context, IReverseProxyFeature? proxied, TimeSpan duration, int status)
    {
        var prepared = Current();
        if (!prepared.Enabled || !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        var request = context.Request;
        // ToUriComponent re-escapes what Kestrel decoded: a "%0A" in a path cannot start a forged log line.
        var path = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + QueryRedactor.Redact(request.QueryString.Value);
        AccessLogMessages.Request(_logger, request.Host.Value ?? "-", request.Method, path, status,
            Math.Round(duration.TotalMilliseconds, 2), Upstream(proxied),
            prepared.Clients.Resolve(context)?.ToString() ?? "-");
    }

    private static string Upstream(IReverseProxyFeature? proxied) => proxied switch
    {
        { ProxiedDestination: { } destination } => destination.Model.Config.Address,
        { Route.Config.ClusterId: { } cluster } when cluster != YarpConfigMapper.InternalCluster => cluster,
        _ => "-",
    };

    /// <summary>The settings the log follows, prepared once per reload: a reference comparison of the served state per
    /// request (its <see cref="DesiredState.Settings"/> scans every resource, so it is read only when the state changed).</summary>
    private Prepared Current()
    {
        var serving = proxy.Serving;
        var prepared = Volatile.Read(ref _prepared);
        if (ReferenceEquals(prepared.Serving, serving))
        {
            return prepared;
        }
        var settings = serving?.Settings;
        prepared = new Prepared(serving, settings?.AccessLog ?? true,
            new ClientAddressResolver([.. (settings?.TrustedProxies ?? ValueList<string>.Empty).SelectMany(AccessGate.Parse)]));
        Volatile.Write(ref _prepared, prepared);
        return prepared;
    }

    private sealed record Prepared(DesiredState? Serving, bool Enabled, ClientAddressResolver Clients);
}
