using System.Diagnostics;
using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Challenges;

/// <summary>Delegates DNS-01 to a user's script for DNS hosts HomelabGate does not speak. The exit code is checked
/// and the script's stderr is part of the error, so a failing hook explains itself.</summary>
public sealed class ExecDns01Solver(ExecSolverOptions options) : IDns01Solver
{
    public Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken) => RunAsync("present", challenge, cancellationToken);

    public Task CleanUpAsync(Dns01Challenge challenge, CancellationToken cancellationToken) => RunAsync("cleanup", challenge, cancellationToken);

    private async Task RunAsync(string verb, Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(options.Command)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            ArgumentList = { verb, DnsNames.Absolute(challenge.RecordName), challenge.Value },
        };
        using var process = Process.Start(info) ?? throw new IOException($"could not start DNS-01 hook {options.Command}");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"DNS-01 hook {options.Command} {verb} {challenge.RecordName} did not finish within {options.Timeout.TotalSeconds:0.#} s");
        }
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new IOException($"DNS-01 hook {options.Command} {verb} {challenge.RecordName} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }
    }
}
