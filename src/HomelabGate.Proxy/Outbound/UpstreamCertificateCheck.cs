using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Proxy.Outbound;

/// <summary>One pool's check of its HTTPS targets' certificates. .NET checks the name against the request's Host header,
/// which with <c>preserveHost</c> is the client's name (jellyfin.home.test), not the appliance's (10.0.0.5): a Proxmox or
/// NAS certificate made for its own name or IP was refused with a bare 502. So the platform's name verdict is set
/// aside and the certificate is checked against the name of the target the connection was opened to — or
/// <c>tls.serverName</c> — with trust from the system store, or from <c>tls.ca</c> alone. A refusal is logged in one line
/// and thrown with its reason, so the failed request carries it.</summary>
public sealed class UpstreamCertificateCheck(X509Certificate2Collection? roots, string? serverName, string pool, UpstreamTlsLog log, TimeProvider time)
{
    /// <summary>The connection under an SslStream: a protected member of the public API (<c>AuthenticatedStream.InnerStream</c>),
    /// read once per handshake; the stream there is ours (<see cref="OwnConnections"/>) and knows its target.</summary>
    private static readonly Func<AuthenticatedStream, Stream> InnerStream = typeof(AuthenticatedStream)
        .GetProperty("InnerStream", BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethod!
        .CreateDelegate<Func<AuthenticatedStream, Stream>>();

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var target = Target(sender);
        var expected = serverName ?? target;
        string? refusal;
        if (certificate is null || expected is null)
        {
            refusal = certificate is null ? "the upstream sent no certificate" : "the target's name is unknown";
        }
        else
        {
            var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            refusal = CertificateVerdict.Refusal(leaf, chain, errors, roots, expected, time.GetUtcNow());
        }
        if (refusal is not null)
        {
            log.Rejected(pool, target ?? "?", refusal);
            throw new UpstreamCertificateRejectedException(refusal);
        }
        return refusal is null;
    }

    /// <summary>The host part of the target's URL the connection went to (what the certificate must name).</summary>
    public static string? Target(object sender) =>
        sender is AuthenticatedStream tls && InnerStream(tls) is TrackedNetworkStream connection ? connection.Target : null;
}
