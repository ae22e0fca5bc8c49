using System.Globalization;

namespace HomelabGate.Testing;

/// <summary>The real <c>dig</c> against a loopback DNS server.</summary>
public static class Dig
{
    /// <summary><c>dig @127.0.0.1 -p PORT NAME TYPE +short</c>: the answer lines, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ShortAsync(int port, string name, string type = "A", bool tcp = false)
    {
        string[] args = ["@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), name, type, "+short", "+time=2", "+tries=1"];
        var result = await ProcessRunner.RunAsync("dig", tcp ? [.. args, "+tcp"] : args, timeout: TimeSpan.FromSeconds(15));
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether anything answers DNS on the port (dig exits 0 on any answer, even REFUSED, and 9 when nothing listens).</summary>
    public static async Task<bool> AnswersAsync(int port) =>
        (await ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "ready.test", "+time=1", "+tries=1"], timeout: TimeSpan.FromSeconds(5))).ExitCode == 0;
}
