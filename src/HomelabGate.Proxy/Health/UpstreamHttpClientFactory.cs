using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Proxy.Outbound;
using Yarp.ReverseProxy.Forwarder;

namespace HomelabGate.Proxy.Health;

/// <summary>YARP's client factory plus what the manifest adds per pool: a connect timeout, and the check of HTTPS
/// targets' certificates against each target's own name (<see cref="UpstreamCertificateCheck"/>), trusting the system
/// store or only the pool's <c>tls.ca</c> (a NAS, Proxmox: safer than skipping verification). The CA file is read when
/// the pool's configuration is applied, not per connection. Connections are made through <see cref="OwnConnections"/>,
/// so the admin listener can tell a request the gate relayed from a local one.</summary>
public sealed class UpstreamHttpClientFactory(OwnConnections own, UpstreamTlsLog tlsLog, TimeProvider time) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectCallback = own.ConnectAsync;
        // YARP sets a trace-context propagator, which puts a DiagnosticsHandler (an Activity and a traceparent
        // rewrite per request) in front of every upstream call. The gate exports no traces; a client's own
        // traceparent still reaches the upstream unchanged, as any other header.
        handler.ActivityHeadersPropagator = null;
        var metadata = context.NewMetadata;
        if (metadata is not null && metadata.TryGetValue(HealthMetadata.ConnectTimeout, out var timeout)
            && double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            handler.ConnectTimeout = TimeSpan.FromMilliseconds(ms);
        }
        if (context.NewConfig.DangerousAcceptAnyServerCertificate == true)
        {
            return;
        }
        X509Certificate2Collection? roots = null;
        if (metadata is not null && metadata.TryGetValue(HealthMetadata.CaFile, out var caFile))
        {
            roots = [];
            roots.ImportFromPemFile(caFile);
        }
        var check = new UpstreamCertificateCheck(roots, metadata?.GetValueOrDefault(HealthMetadata.ServerName),
            metadata?.GetValueOrDefault(HealthMetadata.Display) ?? context.ClusterId, tlsLog, time);
        handler.SslOptions.RemoteCertificateValidationCallback = check.Validate;
    }
}
