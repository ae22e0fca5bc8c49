using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Requests to a running daemon: through its proxy port by virtual host, and to its admin API.</summary>
public static class GateRequests
{
    public static Uri ProxyUrl(this GateProcess gate, string pathAndQuery = "/") =>
        new($"http://127.0.0.1:{gate.Workspace.Ports.Proxy}{pathAndQuery}");

    public static Uri AdminUrl(this GateProcess gate, string path) =>
        new($"http://127.0.0.1:{gate.Workspace.Ports.Admin}{path}");

    /// <summary>GET through the proxy port with HttpClient, as virtual host <paramref name="host"/>.</summary>
    public static Task<HttpResult> GetAsync(this GateProcess gate, string host, string pathAndQuery = "/", CancellationToken cancellationToken = default) =>
        TestHttp.GetAsync(gate.ProxyUrl(pathAndQuery), host, cancellationToken);

    /// <summary>The upstream that answered <paramref name="host"/>; fails when no upstream did.</summary>
    public static async Task<UpstreamEcho> EchoAsync(this GateProcess gate, string host, string pathAndQuery = "/") =>
        UpstreamEcho.From(await gate.GetAsync(host, pathAndQuery));

    public static Task<HttpResult> AdminGetAsync(this GateProcess gate, string path) => TestHttp.GetAsync(gate.AdminUrl(path));

    public static async Task<JsonObject> StatusAsync(this GateProcess gate)
    {
        var result = await gate.AdminGetAsync("/api/status");
        Assert.True(result.Status == 200, $"/api/status answered {result}");
        return JsonNode.Parse(result.Body)!.AsObject();
    }

    /// <summary>Polls until <paramref name="host"/> is answered by <paramref name="upstream"/>.</summary>
    public static async Task<UpstreamEcho> WaitUntilServedByAsync(this GateProcess gate, string host, UpstreamServer upstream, TimeSpan? timeout = null)
    {
        var result = await Poll.UntilAsync(() => gate.GetAsync(host), r => r.Status == 200 && r.Header("X-Upstream") == upstream.Name,
            $"{host} is served by {upstream.Name}", timeout, () => gate.Output);
        return UpstreamEcho.From(result);
    }

    /// <summary>GET through the proxy port with the chosen client.</summary>
    public static Task<HttpResult> GetAsync(this GateProcess gate, Client client, string host, string pathAndQuery = "/") => client switch
    {
        Client.Curl => Curl.GetAsync(gate.Workspace.Ports.Proxy, host, pathAndQuery),
        _ => gate.GetAsync(host, pathAndQuery),
    };

    /// <summary>Polls /api/status until the daemon serves exactly <paramref name="manifestText"/> (gate reports the
    /// SHA-256 of the manifest bytes it serves).</summary>
    public static async Task WaitUntilServingAsync(this GateProcess gate, string manifestText)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifestText)));
        await Poll.UntilAsync(gate.StatusAsync, s => (string?)s["servingManifestHash"] == hash,
            $"the daemon serves the manifest with hash {hash[..12]}", context: () => gate.Output);
    }
}
