using HomelabGate.Proxy.Outbound;

namespace HomelabGate.Proxy.ForwardAuth;

/// <summary>The one HTTP client every forward-auth check shares, so checks reuse pooled connections to the auth server.
/// Redirects are not followed (a 302 to the login page is the answer to pass on), cookies are not kept (each check
/// carries the client's own) and bodies are not decompressed (a denial is passed on byte for byte). Connections are
/// made through <see cref="OwnConnections"/>: an auth URL on the admin port must not look like a local client.</summary>
public sealed class ForwardAuthClient(OwnConnections own) : IDisposable
{
    /// <summary>Authelia and oauth2-proxy answer in milliseconds; a check that takes longer than this is a broken server,
    /// and the client gets a 502 rather than a hanging request.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = own.ConnectAsync,
    })
    {
        Timeout = Timeout,
    };

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _http.Dispose();
}
