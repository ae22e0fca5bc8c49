using System.Globalization;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>The real curl binary, as a user would test a virtual host: <c>--resolve</c> for a name, or <c>-H Host:</c>.</summary>
public static class Curl
{
    /// <summary>GET http://<paramref name="host"/>:<paramref name="port"/>/… with the name resolved to 127.0.0.1.</summary>
    public static Task<HttpResult> GetAsync(int port, string host, string pathAndQuery = "/") =>
        RunAsync("--resolve", $"{host}:{port}:127.0.0.1", $"http://{host}:{port}{pathAndQuery}");

    /// <summary>GET http://127.0.0.1:<paramref name="port"/>/… with an explicit Host header.</summary>
    public static Task<HttpResult> GetWithHostHeaderAsync(int port, string hostHeader, string pathAndQuery = "/") =>
        RunAsync("-H", $"Host: {hostHeader}", $"http://127.0.0.1:{port}{pathAndQuery}");

    public static async Task<HttpResult> RunAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("curl", ["-sS", "-i", "--max-time", "15", "--noproxy", "*", .. arguments], timeout: TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, $"curl {string.Join(' ', arguments)} failed: {result}");
        return Parse(result.StandardOutput);
    }

    private static HttpResult Parse(string output)
    {
        var split = output.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? output : output[..split];
        var body = split < 0 ? "" : output[(split + 4)..];
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
            }
        }
        return new HttpResult(status, headers, body);
    }
}
