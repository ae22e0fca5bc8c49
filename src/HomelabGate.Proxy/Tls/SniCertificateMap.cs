using System.Collections.Frozen;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Proxy.Tls;

/// <summary>Picks the TLS options for a ClientHello's server name: exact name first, then the wildcard one label up, then
/// the default certificate (if the manifest names one). Built once per reload with one prepared
/// <see cref="SslServerAuthenticationOptions"/> per certificate, so a handshake does two dictionary lookups on spans
/// and allocates nothing of ours. No cipher-suite policy is set (see <see cref="ForwardSecrecy"/>): so OpenSSL keeps one
/// context per certificate, with its session cache and TLS 1.3 tickets, and resumes sessions. TCP streams pick their certificate by its name instead, with options that offer no
/// HTTP protocols in ALPN.</summary>
public sealed class SniCertificateMap
{
    private readonly FrozenDictionary<string, SslServerAuthenticationOptions>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly FrozenDictionary<string, SslServerAuthenticationOptions>.AlternateLookup<ReadOnlySpan<char>> _wildcard;
    private readonly FrozenDictionary<string, SslServerAuthenticationOptions> _streams;

    public SniCertificateMap(IEnumerable<SniEntry> entries, string? defaultCertificate)
    {
        var prepared = new Dictionary<string, SslServerAuthenticationOptions>(StringComparer.Ordinal);
        var exact = new Dictionary<string, SslServerAuthenticationOptions>(StringComparer.OrdinalIgnoreCase);
        var wildcard = new Dictionary<string, SslServerAuthenticationOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!prepared.TryGetValue(entry.CertificateName, out var options))
            {
                prepared[entry.CertificateName] = options = Prepare(entry.Leaf, entry.Chain);
            }
            if (entry.Name is null)
            {
                continue;
            }
            var name = entry.Name.TrimEnd('.');
            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                wildcard.TryAdd(name[2..], options);
            }
            else
            {
                exact.TryAdd(name, options);
            }
        }
        _exact = exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcard = wildcard.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _streams = prepared.ToFrozenDictionary(p => p.Key, p => WithoutAlpn(p.Value), StringComparer.Ordinal);
        Default = defaultCertificate is not null && prepared.TryGetValue(defaultCertificate, out var fallback) ? fallback : null;
        Count = prepared.Count;
    }

    public static SniCertificateMap Empty { get; } = new([], null);

    public SslServerAuthenticationOptions? Default { get; }

    public int Count { get; }

    /// <returns>null when no certificate covers the name and there is no default: the handshake is refused.</returns>
    public SslServerAuthenticationOptions? Select(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return Default;
        }
        var name = serverName.AsSpan().TrimEnd('.');
        if (_exact.TryGetValue(name, out var options))
        {
            return options;
        }
        var dot = name.IndexOf('.');
        return dot > 0 && _wildcard.TryGetValue(name[(dot + 1)..], out options) ? options : Default;
    }

    /// <returns>The options of the certificate named <paramref name="certificateName"/> for a stream's listener, or null
    /// when the current set has no such certificate (not issued yet, or failed): the handshake is refused.</returns>
    public SslServerAuthenticationOptions? SelectForCertificate(string certificateName) =>
        _streams.GetValueOrDefault(certificateName);

    /// <summary>The same certificate context, without ALPN: a stream carries no HTTP, so it must not offer h2 or
    /// http/1.1 (a client that sends ALPN then gets none chosen, as from any TLS server that speaks another protocol).
    /// The list is empty, not null: for null, Kestrel fills in the listener's HTTP protocols.</summary>
    private static SslServerAuthenticationOptions WithoutAlpn(SslServerAuthenticationOptions http) => new()
    {
        ServerCertificateContext = http.ServerCertificateContext,
        ApplicationProtocols = [],
        EnabledSslProtocols = http.EnabledSslProtocols,
        ClientCertificateRequired = http.ClientCertificateRequired,
        CertificateRevocationCheckMode = http.CertificateRevocationCheckMode,
        AllowRenegotiation = http.AllowRenegotiation,
    };

    private static readonly SslApplicationProtocol Http10 = new("http/1.0");

    private static SslServerAuthenticationOptions Prepare(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> chain) => new()
    {
        ServerCertificateContext = SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(chain.ToArray()), offline: true),
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        // http/1.0 last: a client that offers only it (curl --http1.0, old embedded clients) is served over HTTP/1.x, as
        // nginx does, instead of being refused with a no_application_protocol alert.
        ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11, Http10],
        ClientCertificateRequired = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        AllowRenegotiation = false,
    };
}

/// <summary>A name the TLS listener answers and the certificate that covers it; a null name makes the certificate
/// available by its name only (for a stream) without answering any server name with it.</summary>
public sealed record SniEntry(string? Name, string CertificateName, X509Certificate2 Leaf, IReadOnlyList<X509Certificate2> Chain);
