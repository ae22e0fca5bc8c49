using System.Security.Authentication;
using Grpc.Core;
using HomelabGate.Core.Desired;

namespace HomelabGate.Cluster.Etcd;

/// <summary>What to fix when etcd could not be reached over TLS, in one line. .NET reports an untrusted etcd certificate
/// as an <see cref="AuthenticationException"/> deep in the call's exception chain, and etcd refusing a connection without
/// a client certificate (<c>--client-cert-auth</c>) only as a closed HTTP/2 handshake.</summary>
public static class EtcdTlsHint
{
    /// <returns>The hint, or null when the failure does not look like TLS.</returns>
    public static string? For(RpcException? failure, ClusterSettings settings)
    {
        var chain = Chain(failure?.Status.DebugException).ToList();
        if (chain.OfType<AuthenticationException>().Any())
        {
            return settings.TlsCa is null
                ? "etcd's certificate is not trusted; set settings.cluster.etcd.tls.ca to the CA that signed it"
                : "etcd's certificate does not chain to settings.cluster.etcd.tls.ca or does not name the endpoint's host";
        }
        var tls = settings.Endpoints.Any(e => e.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (tls && chain.Any(e => e is IOException or ObjectDisposedException))
        {
            return settings.TlsCert is null
                ? "etcd closed the TLS connection; if it runs with --client-cert-auth, set settings.cluster.etcd.tls.cert and tls.key"
                : "etcd closed the TLS connection; check that settings.cluster.etcd.tls.cert is signed by the CA etcd trusts (--trusted-ca-file)";
        }
        return null;
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
