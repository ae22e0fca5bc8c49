using System.Net.Http.Headers;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>One HttpClient for the whole suite (thread-safe, no proxy, no redirects followed, no cookies), and the
/// request helpers the tests share.</summary>
public static class TestHttp
{
    public static HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>GET <paramref name="url"/>, with a Host header naming the virtual host when given.</summary>
    public static async Task<HttpResult> GetAsync(Uri url, string? host = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        using var response = await Client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HttpResult((int)response.StatusCode, Headers(response), body);
    }

    /// <summary>The status, or null when nothing answers (yet).</summary>
    public static async Task<int?> StatusOrNullAsync(Uri url)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            using var response = await Client.GetAsync(url, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat<KeyValuePair<string, IEnumerable<string>>>(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }
        return headers;
    }
}
