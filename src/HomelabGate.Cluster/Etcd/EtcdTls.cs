using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Core.Desired;

namespace HomelabGate.Cluster.Etcd;

/// <summary>The HTTP/2 handler for etcd's endpoints: with <c>tls.ca</c>, the server must chain to a certificate of that
/// PEM bundle (and only to those);
/// with <c>tls.cert</c>/<c>tls.key</c>, the client presents that certificate. HTTP/2 pings find a dead member within
/// seconds, so a watch moves on instead of waiting on a silent connection.</summary>
public sealed class EtcdTls(X509Certificate2Collection? ca, X509Certificate2? client)
{
    public static EtcdTls Create(ClusterSettings settings)
    {
        try
        {
            // Certificates only: CreateFromPemFile with one path looks for a private key in the CA file and fails.
            var ca = settings.TlsCa is { } caPath ? CaBundle(caPath) : null;
            var client = settings.TlsCert is { } cert && settings.TlsKey is { } key ? X509Certificate2.CreateFromPemFile(cert, key) : null;
            return new EtcdTls(ca, client);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new EtcdAuthException($"settings.cluster.etcd.tls cannot be loaded: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection CaBundle(string path)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(path);
        return bundle.Count > 0 ? bundle : throw new System.Security.Cryptography.CryptographicException($"{path} holds no PEM certificate");
    }

    public SocketsHttpHandler Handler()
    {
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingDelay = TimeSpan.FromSeconds(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(3),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            EnableMultipleHttp2Connections = true,
        };
        if (ca is not null || client is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = client is null ? null : [client],
                RemoteCertificateValidationCallback = ca is null ? null : (_, certificate, _, errors) => ChainsToCa(certificate, errors),
            };
        }
        return handler;
    }

    private bool ChainsToCa(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }
}
