using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace HomelabGate.Proxy.Tls;

/// <summary>Kestrel's per-handshake callback over the current <see cref="SniCertificateMap"/>, which reloads swap
/// atomically. Connections already established keep the certificate they were handshaken with.</summary>
public sealed class SniSelector
{
    private SniCertificateMap _map = SniCertificateMap.Empty;

    public SniCertificateMap Map => Volatile.Read(ref _map);

    public void Replace(SniCertificateMap map) => Volatile.Write(ref _map, map);

    public ValueTask<System.Net.Security.SslServerAuthenticationOptions> SelectAsync(TlsHandshakeCallbackContext context) =>
        Volatile.Read(ref _map).Select(context.ClientHelloInfo.ServerName) is { } options
            ? ValueTask.FromResult(options)
            : ValueTask.FromException<System.Net.Security.SslServerAuthenticationOptions>(
                new System.Security.Authentication.AuthenticationException($"no certificate for '{context.ClientHelloInfo.ServerName}'"));

    /// <summary>A stream's handshake: the certificate it names, from the current set whatever the client's server name.</summary>
    public ValueTask<System.Net.Security.SslServerAuthenticationOptions> SelectForCertificate(string certificateName) =>
        Volatile.Read(ref _map).SelectForCertificate(certificateName) is { } options
            ? ValueTask.FromResult(options)
            : ValueTask.FromException<System.Net.Security.SslServerAuthenticationOptions>(
                new System.Security.Authentication.AuthenticationException($"certificate '{certificateName}' is not issued (yet)"));
}
