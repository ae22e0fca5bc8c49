using System.Diagnostics;

namespace HomelabGate.Certificates.Trust;

/// <summary>The result of one external command.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs external tools (certutil, update-ca-certificates) with arguments passed as a list, never through a shell.</summary>
public sealed class ProcessRunner
{
    public async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new TrustStoreException($"Could not start '{fileName}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TrustStoreException($"Could not run '{fileName}': {e.Message}. Is it installed and on PATH?", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new ProcessResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
