using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>An HTTP handler for the daemon's HTTPS listener: connects to 127.0.0.1:<c>port</c> whatever the name in the
/// URL (so SNI carries the host's name) and trusts only the local CA's root.</summary>
public static class LocalCaHandler
{
    public static SocketsHttpHandler Create(string rootPem, int port)
    {
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(rootPem));
        return new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
                {
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                    {
                        return false;
                    }
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    if (presented is not null)
                    {
                        foreach (var element in presented.ChainElements)
                        {
                            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                        }
                    }
                    using var leaf = new X509Certificate2(certificate);
                    return chain.Build(leaf);
                },
            },
        };
    }
}
