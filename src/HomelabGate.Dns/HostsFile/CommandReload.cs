using System.Diagnostics;

namespace HomelabGate.Dns.HostsFile;

/// <summary>Runs a command to reload the server (e.g. <c>systemctl reload dnsmasq</c>); a non-zero exit is an error.</summary>
public sealed class CommandReload(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout) : IReloadAction
{
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new IOException($"could not start {fileName}");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"reload command {fileName} did not finish within {timeout.TotalSeconds:0.#} s");
        }
        if (process.ExitCode != 0)
        {
            throw new IOException($"reload command {fileName} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }
    }
}
