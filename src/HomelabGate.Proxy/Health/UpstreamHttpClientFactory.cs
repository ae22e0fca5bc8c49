using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Proxy.Outbound;
using Yarp.ReverseProxy.Forwarder;

namespace HomelabGate.Proxy.Health;

/// <summary>YARP's client factory plus what the manifest adds per pool: a connect timeout, and trust in one CA file for
/// appliances with a private certificate (a NAS, Proxmox) — safer than skipping verification. The CA file is read when
/// the pool's configuration is applied, not per connection. Connections are made through <see cref="OwnConnections"/>,
/// so the admin listener can tell a request the gate relayed from a local one.</summary>
public sealed class UpstreamHttpClientFactory(OwnConnections own) : ForwarderHttpClientFactory
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
        if (metadata is null)
        {
            return;
        }
        if (metadata.TryGetValue(HealthMetadata.ConnectTimeout, out var timeout) && double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            handler.ConnectTimeout = TimeSpan.FromMilliseconds(ms);
        }
        if (metadata.TryGetValue(HealthMetadata.CaFile, out var caFile))
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, roots);
        }
    }

    /// <summary>Name checks still apply; only the chain is built against the given roots instead of the system store.</summary>
    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }
}
