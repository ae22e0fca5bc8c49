using System.Diagnostics;
using System.Globalization;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>The real dnsmasq in the foreground on a free loopback port, serving one addn-hosts file; ended by its pid.</summary>
internal sealed class DnsmasqProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DnsmasqProcess(Process process, int port, string pidFile)
    {
        _process = process;
        Port = port;
        PidFile = pidFile;
    }

    public int Port { get; }

    public string PidFile { get; }

    public static async Task<DnsmasqProcess> StartAsync(string hostsFile, string pidFile)
    {
        var port = FreePorts.Next();
        var info = new ProcessStartInfo("/usr/sbin/dnsmasq") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--no-daemon", $"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
            $"--addn-hosts={hostsFile}", $"--pid-file={pidFile}", "--conf-file=/dev/null",
            // Stay root: the default drop to 'nobody' could not read the 0700 temp dir.
            "--user=root",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        // In the foreground dnsmasq writes no pid file; write it ourselves, as a supervisor would.
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        var dnsmasq = new DnsmasqProcess(process, port, pidFile);
        var ready = false;
        for (var i = 0; i < 50 && !ready && !process.HasExited; i++)
        {
            // dig exits 0 on any answer (even REFUSED) and 9 when nothing listens yet.
            ready = (await ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "ready.test", "+time=1", "+tries=1"])).ExitCode == 0;
        }
        if (!ready)
        {
            await dnsmasq.DisposeAsync();
            throw new InvalidOperationException("dnsmasq did not start");
        }
        return dnsmasq;
    }

    public async Task<IReadOnlyList<string>> DigAsync(string name, string type)
    {
        var result = await ProcessRunner.RunAsync("dig",
            ["@127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), name, type, "+short", "+time=2", "+tries=1"]);
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList();
    }

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
