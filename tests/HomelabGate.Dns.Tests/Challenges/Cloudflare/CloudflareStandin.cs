using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Challenges.Cloudflare;

/// <summary>Follows Cloudflare API v4 as documented: Bearer token, {success, errors, result} envelopes,
/// GET /zones?name=, GET|POST /zones/{id}/dns_records, DELETE /zones/{id}/dns_records/{rid}.</summary>
public sealed class CloudflareStandin : IAsyncDisposable
{
    public const string Token = "scoped-token-abc";
    public const string ZoneId = "023e105f4ecef8ad9ca31a8372d0c353";
    private int _next;

    public CloudflareStandin()
    {
        Server = new StandinHttpServer(Handle);
    }

    public StandinHttpServer Server { get; }

    public Dictionary<string, (string Name, string Content)> Records { get; } = [];

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static StandinResponse Ok(object? result) => new(200, new { success = true, errors = Array.Empty<object>(), messages = Array.Empty<object>(), result });

    private static StandinResponse Fail(int status, int code, string message) =>
        new(status, new { success = false, errors = new[] { new { code, message } }, messages = Array.Empty<object>(), result = (object?)null });

    private StandinResponse Handle(StandinRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var auth) || auth != $"Bearer {Token}")
        {
            return Fail(403, 10000, "Authentication error");
        }
        var path = request.Path.TrimEnd('/');
        var query = request.Query.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (request.Method == "GET" && path.EndsWith("/zones", StringComparison.Ordinal))
        {
            return Ok(query.GetValueOrDefault("name") == "example.com" ? new[] { new { id = ZoneId, name = "example.com" } } : []);
        }
        var records = $"/zones/{ZoneId}/dns_records";
        if (request.Method == "GET" && path.EndsWith(records, StringComparison.Ordinal))
        {
            return Ok(Records.Where(r => r.Value.Name == query.GetValueOrDefault("name"))
                .Select(r => new { id = r.Key, type = "TXT", name = r.Value.Name, content = $"\"{r.Value.Content}\"" }).ToArray());
        }
        if (request.Method == "POST" && path.EndsWith(records, StringComparison.Ordinal))
        {
            var body = request.Json;
            var id = $"rec{++_next}";
            Records[id] = (body.GetProperty("name").GetString()!, body.GetProperty("content").GetString()!);
            return Ok(new { id });
        }
        if (request.Method == "DELETE" && path.Contains(records + "/", StringComparison.Ordinal))
        {
            var id = path[(path.LastIndexOf('/') + 1)..];
            return Records.Remove(id) ? Ok(new { id }) : Fail(404, 81044, "Record does not exist.");
        }
        return Fail(404, 7003, "Could not route to " + path);
    }
}
