using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>An upstream's view of one request: the request target exactly as it arrived on the wire (Kestrel's raw
/// target), every header, and the body — what a test of "what the upstream sees" compares.</summary>
public sealed record RawTargetEcho(string Method, string RawTarget, Dictionary<string, string[]> Headers, string Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The handler for a <c>LoopbackServer</c>: answers with the echo as JSON and <c>X-Upstream: echo</c>.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var echo = new RawTargetEcho(request.Method, context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync());
        var body = JsonSerializer.SerializeToUtf8Bytes(echo, Json);
        context.Response.Headers["X-Upstream"] = "echo";
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The echo in an answer; fails with the whole answer when the upstream did not answer.</summary>
    public static RawTargetEcho From(HttpResult result)
    {
        Assert.True(result.Status == 200 && result.Header("X-Upstream") == "echo", $"expected an answer from the echo upstream, got: {result}");
        var echo = JsonSerializer.Deserialize<RawTargetEcho>(result.Body, Json)!;
        return echo with { Headers = new Dictionary<string, string[]>(echo.Headers, StringComparer.OrdinalIgnoreCase) };
    }

    public static RawTargetEcho From(RawAnswer answer)
    {
        var split = answer.Text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(answer.Status == 200 && split > 0 && answer.Text[..split].Contains("X-Upstream: echo", StringComparison.OrdinalIgnoreCase),
            $"expected an answer from the echo upstream, got: {answer}");
        var echo = JsonSerializer.Deserialize<RawTargetEcho>(answer.Text[(split + 4)..], Json)!;
        return echo with { Headers = new Dictionary<string, string[]>(echo.Headers, StringComparer.OrdinalIgnoreCase) };
    }
}
