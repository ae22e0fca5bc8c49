using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HomelabGate.Fuzzing;

/// <summary>Runs the real <c>gate validate</c> on one file in a child process, so a stack overflow or an abort kills the
/// child, not the harness, and classifies what happened.</summary>
public sealed partial class ValidateRunner(string gate, TimeSpan slow, TimeSpan hang)
{
    public const string InternalErrorCode = "HG1099";

    public Outcome Run(string file)
    {
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(gate, ["validate", "-f", file])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                Environment = { ["DOTNET_DbgEnableMiniDump"] = "0", ["DOTNET_EnableCrashReport"] = "0" },
            },
        };
        var watch = Stopwatch.StartNew();
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(hang))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Outcome(file, OutcomeKind.Hang, -1, watch.Elapsed.TotalSeconds, $"killed after {hang.TotalSeconds} s");
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var output = stdout.Result + stderr.Result;
        return Classify(file, process.ExitCode, seconds, output);
    }

    private Outcome Classify(string file, int exitCode, double seconds, string output)
    {
        if (exitCode is not (0 or 1) || output.Contains("Unhandled exception", StringComparison.Ordinal)
            || output.Contains("Stack overflow", StringComparison.Ordinal) || StackFrame().IsMatch(output))
        {
            return new Outcome(file, OutcomeKind.Crash, exitCode, seconds, FirstLines(output));
        }
        var lines = FileLines.Of(File.ReadAllBytes(file));
        foreach (Match match in Location().Matches(output))
        {
            var (line, column) = (int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value));
            if (!lines.Contains(line, column))
            {
                return new Outcome(file, OutcomeKind.OutsideFile, exitCode, seconds, $"{match.Value} but the file has {lines.Count} lines");
            }
            if (match.Groups["code"].Value == InternalErrorCode)
            {
                return new Outcome(file, OutcomeKind.InternalError, exitCode, seconds, match.Value);
            }
        }
        if (seconds > slow.TotalSeconds)
        {
            return new Outcome(file, OutcomeKind.Slow, exitCode, seconds, $"{seconds:F1} s");
        }
        return new Outcome(file, exitCode == 0 ? OutcomeKind.Accepted : OutcomeKind.Rejected, exitCode, seconds, "");
    }

    private static string FirstLines(string output) => string.Join(" | ", output.Split('\n').Take(3)).Trim();

    [GeneratedRegex(@"^[^\s:]+:(?<line>\d+):(?<col>\d+): (error|warning) (?<code>HG\d+)", RegexOptions.Multiline)]
    private static partial Regex Location();

    [GeneratedRegex(@"^\s+at \S+.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
