using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Testing;

/// <summary>PEM files for an etcd that speaks only TLS and wants a client certificate: a CA of its own, a server
/// certificate for 127.0.0.1, and a client certificate for user <c>root</c> (etcd maps a client certificate's CN to a
/// user when auth is on). Written into <paramref name="directory"/>; keys 0600 as a user would keep them.</summary>
public sealed record EtcdTlsFiles(string Ca, string ServerCert, string ServerKey, string ClientCert, string ClientKey)
{
    public static EtcdTlsFiles Create(string directory)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=hg test etcd CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        var (serverCert, serverKey) = Leaf(directory, ca, "server", "CN=127.0.0.1", names.Build(), "1.3.6.1.5.5.7.3.1");
        var (clientCert, clientKey) = Leaf(directory, ca, "client", "CN=root", null, "1.3.6.1.5.5.7.3.2");
        var caPath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        return new EtcdTlsFiles(caPath, serverCert, serverKey, clientCert, clientKey);
    }

    private static (string Cert, string Key) Leaf(string directory, X509Certificate2 ca, string name, string subject, X509Extension? names, string usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }
        using var leaf = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(8));
        var certPath = Path.Combine(directory, $"{name}.pem");
        var keyPath = Path.Combine(directory, $"{name}-key.pem");
        File.WriteAllText(certPath, leaf.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (certPath, keyPath);
    }
}
