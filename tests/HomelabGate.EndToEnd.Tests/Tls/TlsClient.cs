using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>An HttpClient for https://NAME:PORT/ that connects to 127.0.0.1:PORT whatever the name, trusts only the given
/// root, keeps its connections forever, and records every TLS connection it opens with the leaf's serial.</summary>
public sealed class TlsClient : IDisposable
{
    private readonly List<string> _connections = [];

    public TlsClient(string rootPemPath, int port)
    {
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(rootPemPath));
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = System.Threading.Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = 1,
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
                    if (certificate is null)
                    {
                        return false;
                    }
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    // The intermediate the server sent: SslStream collected it into the chain it built.
                    if (presented is not null)
                    {
                        foreach (var element in presented.ChainElements)
                        {
                            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                        }
                        chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
                    }
                    using var leaf = new X509Certificate2(certificate);
                    var trusted = chain.Build(leaf) && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
                    lock (_connections)
                    {
                        _connections.Add(leaf.SerialNumber.TrimStart('0'));
                    }
                    return trusted;
                },
            },
        };
        Http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>The leaf serial of every TLS connection opened so far, in order.</summary>
    public IReadOnlyList<string> Connections
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections];
            }
        }
    }

    public void Dispose() => Http.Dispose();
}
