using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.Challenges.Cloudflare;

/// <summary>The few Cloudflare API v4 calls DNS-01 needs. Every call resolves the token reference afresh and sends
/// it as a Bearer token; responses are unwrapped from Cloudflare's {success, errors, result} envelope.</summary>
public sealed class CloudflareClient(HttpClient http, CloudflareOptions options, ISecretResolver secrets)
{
    public async Task<string?> FindZoneIdAsync(string zoneName, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Get, $"zones?name={Uri.EscapeDataString(zoneName)}", null, cancellationToken);
        return result.EnumerateArray().Select(z => z.GetProperty("id").GetString()).FirstOrDefault();
    }

    public async Task<IReadOnlyList<(string Id, string Content)>> ListTxtAsync(string zoneId, string name, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Get, $"zones/{zoneId}/dns_records?type=TXT&name={Uri.EscapeDataString(name)}", null, cancellationToken);
        return result.EnumerateArray().Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("content").GetString() ?? string.Empty)).ToList();
    }

    public Task CreateTxtAsync(string zoneId, string name, string content, int ttl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"zones/{zoneId}/dns_records", new JsonObject { ["type"] = "TXT", ["name"] = name, ["content"] = content, ["ttl"] = ttl }, cancellationToken);

    public Task DeleteAsync(string zoneId, string recordId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"zones/{zoneId}/dns_records/{recordId}", null, cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secrets.Resolve(options.ApiToken));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, DnsApiJson.Default.JsonObject);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        JsonElement envelope;
        try
        {
            envelope = await response.Content.ReadFromJsonAsync(DnsApiJson.Default.JsonElement, cancellationToken);
        }
        catch (JsonException)
        {
            throw new CloudflareException($"Cloudflare {method} /{path} failed ({(int)response.StatusCode}) without a JSON answer");
        }
        if (!response.IsSuccessStatusCode || !envelope.TryGetProperty("success", out var success) || !success.GetBoolean())
        {
            var errors = envelope.TryGetProperty("errors", out var list)
                ? string.Join("; ", list.EnumerateArray().Select(e => $"{e.GetProperty("code")}: {e.GetProperty("message").GetString()}"))
                : "no error details";
            throw new CloudflareException($"Cloudflare {method} /{path} failed ({(int)response.StatusCode}): {errors} (token from {options.ApiToken.Expression})");
        }
        return envelope.TryGetProperty("result", out var result) ? result : default;
    }
}
