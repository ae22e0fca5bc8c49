using System.Globalization;
using System.Text.RegularExpressions;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>The real <c>openssl</c> binary: <c>s_client</c> handshakes (stdin from /dev/null, so it closes after the
/// handshake) and <c>x509</c>/<c>verify</c> on PEM files.</summary>
public static partial class OpenSsl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("sh", ["-c", "exec openssl \"$@\" </dev/null", "openssl", .. arguments], timeout: Timeout);

    /// <summary><c>openssl s_client -connect 127.0.0.1:PORT -servername NAME [extra]</c>.</summary>
    public static Task<ProcessResult> ConnectAsync(int port, string serverName, params string[] extra) =>
        RunAsync(["s_client", "-connect", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "-servername", serverName, .. extra]);

    /// <summary>The PEM blocks of <c>-showcerts</c> output, leaf first.</summary>
    public static IReadOnlyList<string> PresentedChain(string showcertsOutput) =>
        PemBlock().Matches(showcertsOutput).Select(m => m.Value + "\n").ToList();

    /// <summary>The leaf's serial in upper-case hex without leading zeros (as <see cref="TlsClient"/> records it).</summary>
    public static async Task<string> LeafSerialAsync(int port, string serverName)
    {
        var handshake = await ConnectAsync(port, serverName);
        var chain = PresentedChain(handshake.StandardOutput);
        Assert.True(chain.Count > 0, $"no certificate presented for {serverName}: {handshake}");
        return (await TextOfAsync(chain[0], "-serial")).Trim().Replace("serial=", "", StringComparison.Ordinal).TrimStart('0');
    }

    /// <summary><c>openssl x509 -noout OPTIONS</c> of one PEM certificate.</summary>
    public static async Task<string> TextOfAsync(string pem, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hg-e2e-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, pem);
        try
        {
            var result = await RunAsync(["x509", "-in", file, "-noout", .. options]);
            Assert.True(result.ExitCode == 0, $"openssl x509 {string.Join(' ', options)}: {result}");
            return result.StandardOutput;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----")]
    private static partial Regex PemBlock();
}
