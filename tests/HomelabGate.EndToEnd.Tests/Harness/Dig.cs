using System.Globalization;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>The real <c>dig</c> against a DNS server on loopback.</summary>
public static class Dig
{
    /// <summary><c>dig @127.0.0.1 -p PORT NAME TYPE +short</c>: the answers one a line, sorted; empty when there are none.</summary>
    public static async Task<string> ShortAsync(int port, string name, string type = "A")
    {
        var result = await ProcessRunner.RunAsync("dig",
            ["@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), name, type, "+short", "+time=2", "+tries=2"], TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, $"dig {name} {type} on port {port}: {result}");
        return string.Join("\n", result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }
}
