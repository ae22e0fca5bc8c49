using System.Net.Http.Json;
using System.Text.Json;

namespace HomelabGate.Dns.PiHole;

/// <summary>One authenticated Pi-hole v6 session (the sid goes in the X-FTL-SID header). Dispose logs out, so
/// the limited number of API seats on the Pi-hole is not used up.</summary>
public sealed class PiholeSession : IAsyncDisposable
{
    private const string SidHeader = "X-FTL-SID";
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly string _sid;

    internal PiholeSession(HttpClient http, Uri baseAddress, string sid)
    {
        _http = http;
        _base = baseAddress;
        _sid = sid;
    }

    public async Task<IReadOnlyList<string>> GetListAsync(string item, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/config/dns/{item}", cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("config").GetProperty("dns").GetProperty(item)
            .EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
    }

    /// <summary>PUT or DELETE one entry, e.g. item "hosts", entry "10.0.0.5 nas.home.test".</summary>
    public async Task ChangeAsync(HttpMethod method, string item, string entry, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(method, $"api/config/dns/{item}/{Uri.EscapeDataString(entry)}", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await SendAsync(HttpMethod.Delete, "api/auth", CancellationToken.None);
        }
        catch (Exception e) when (e is PiholeException or HttpRequestException)
        {
            // The session expires on its own; a failed logout must not hide the real result.
        }
    }

    internal static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(DnsApiJson.Default.JsonElement, cancellationToken);
            if (body.TryGetProperty("error", out var error))
            {
                return $"{error.GetProperty("key").GetString()}: {error.GetProperty("message").GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page); the status code is all there is.
        }
        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path));
        request.Headers.Add(SidHeader, _sid);
        var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await ErrorTextAsync(response, cancellationToken);
            response.Dispose();
            throw new PiholeException($"Pi-hole {_base} {method} /{Uri.UnescapeDataString(path)} failed ({(int)response.StatusCode}): {text}");
        }
        return response;
    }
}
