using System.Diagnostics;
using System.Globalization;

namespace HomelabGate.Testing;

/// <summary>The real dnsmasq in the foreground on a free loopback port, answering only from one hosts file
/// (<c>--no-resolv --no-hosts --addn-hosts=FILE</c>); SIGHUP makes it re-read the file. Ended by its own pid.</summary>
public sealed class DnsmasqProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DnsmasqProcess(Process process, int port, string pidFile)
    {
        _process = process;
        Port = port;
        PidFile = pidFile;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    /// <summary>Holds the pid, as a supervisor would write it (in the foreground dnsmasq writes none).</summary>
    public string PidFile { get; }

    public static async Task<DnsmasqProcess> StartAsync(string hostsFile, string pidFile)
    {
        var port = FreePorts.Next();
        var info = new ProcessStartInfo("/usr/sbin/dnsmasq") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--no-daemon", $"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
            $"--addn-hosts={hostsFile}", $"--pid-file={pidFile}", "--conf-file=/dev/null", "--log-facility=-",
            // Stay root: the default drop to 'nobody' could not read the 0700 temp dir.
            "--user=root",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dnsmasq");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        var dnsmasq = new DnsmasqProcess(process, port, pidFile);
        var ready = false;
        for (var i = 0; i < 50 && !ready && !process.HasExited; i++)
        {
            ready = await Dig.AnswersAsync(port);
        }
        if (!ready)
        {
            await dnsmasq.DisposeAsync();
            throw new InvalidOperationException("dnsmasq did not start");
        }
        return dnsmasq;
    }

    public Task<IReadOnlyList<string>> DigAsync(string name, string type = "A") => Dig.ShortAsync(Port, name, type);

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
