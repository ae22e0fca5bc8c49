using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Acme.Http;

/// <summary>Builds the handler the ACME client should use: no automatic redirects (ACME never redirects, and a loop
/// must not spin), bounded connect time, and optionally a private CA bundle trusted instead of the system store.</summary>
public static class AcmeHttpHandler
{
    public static SocketsHttpHandler Create(X509Certificate2Collection? trustedRoots = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64, // KiB
        };
        if (trustedRoots is { Count: > 0 })
        {
            var roots = new X509Certificate2Collection(trustedRoots);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                IsTrusted(certificate, errors, roots);
        }
        return handler;
    }

    /// <summary>Loads every certificate in a PEM bundle (e.g. the daemon's configured CA file).</summary>
    public static X509Certificate2Collection LoadPemBundle(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        if (roots.Count == 0)
        {
            throw new InvalidOperationException($"the CA bundle {path} holds no PEM certificates");
        }
        return roots;
    }

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        // A custom root changes who we trust, never which host name the certificate must carry.
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
