using System.Globalization;
using System.Runtime.InteropServices;

namespace HomelabGate.Dns.HostsFile;

/// <summary>Sends a signal (SIGHUP by default, which makes dnsmasq re-read its addn-hosts files) to the pid
/// written in a pid file, e.g. <c>/run/dnsmasq.pid</c>.</summary>
public sealed class SignalPidFileReload(string pidFile, int signal = SignalPidFileReload.SigHup) : IReloadAction
{
    public const int SigHup = 1;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var text = (await File.ReadAllTextAsync(pidFile, cancellationToken)).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 1)
        {
            throw new InvalidDataException($"{pidFile} does not hold a process id (found '{text}')");
        }
        if (Kill(pid, signal) != 0)
        {
            throw new IOException($"could not signal process {pid} from {pidFile}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    // DllImport rather than LibraryImport: the generated stub would need AllowUnsafeBlocks for a blittable call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
