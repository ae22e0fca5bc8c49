using System.Text.Json;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>What an <see cref="UpstreamServer"/> saw of a request: its own name and the request as it arrived.</summary>
public sealed record UpstreamEcho(
    string Upstream,
    string Method,
    string Path,
    string Query,
    string Host,
    string? XForwardedFor,
    string? XForwardedProto,
    string? XForwardedHost)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The echo in a proxied answer; fails with the whole answer when it is not one.</summary>
    public static UpstreamEcho From(HttpResult result)
    {
        Assert.True(result.Status == 200 && result.Header("X-Upstream") is not null, $"expected an answer from an upstream server, got: {result}");
        return JsonSerializer.Deserialize<UpstreamEcho>(result.Body, Json)
            ?? throw new InvalidOperationException($"empty echo: {result}");
    }
}
