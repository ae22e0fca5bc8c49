using System.Diagnostics;
using System.Text;

namespace HomelabGate.EndToEnd.Tests.Shipping;

public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs a command to completion with a deadline; on the deadline the process (tree) is killed by its pid.</summary>
public static class ProcessRun
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, Action<IDictionary<string, string?>>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        environment?.Invoke(info.Environment);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}\n{error}");
        }
        process.WaitForExit(); // flushes the asynchronous readers
        lock (output)
        lock (error)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
