using System.Diagnostics;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Dns;

/// <summary>A real dnsmasq in the foreground on a loopback port, answering only from one hosts file
/// (<c>--no-resolv --no-hosts --addn-hosts=FILE</c>). SIGHUP makes it re-read the file. Stopped by its own pid.</summary>
public sealed class Dnsmasq : IAsyncDisposable
{
    private readonly Process _process;

    private Dnsmasq(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public static async Task<Dnsmasq> StartAsync(string hostsFile, string workDirectory)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dnsmasq")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--no-daemon", $"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
            $"--addn-hosts={hostsFile}", $"--pid-file={Path.Combine(workDirectory, "dnsmasq.pid")}", "--user=root", "--log-facility=-",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dnsmasq");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var dnsmasq = new Dnsmasq(process, port);
        await Poll.UntilAsync(async () => (await ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+time=1", "+tries=1", "localhost.invalid"], TimeSpan.FromSeconds(5))).StandardOutput,
            output => output.Contains("status:", StringComparison.Ordinal), $"dnsmasq answers on port {port}");
        return dnsmasq;
    }

    public Task<string> DigAsync(string name) => Dig.ShortAsync(Port, name);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
