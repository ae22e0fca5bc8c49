using System.Diagnostics;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Cli;

/// <summary>The real <c>gate plan</c> colours its symbols on a terminal — a pseudo-terminal from util-linux's
/// <c>script</c> — and writes plain text into a pipe, with NO_COLOR set, or for TERM=dumb.</summary>
public sealed class PlanColourTests : IDisposable
{
    private const string Green = "\u001b[32m";
    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    public PlanColourTests() => _workspace.WriteManifest(Manifests.Header + """
        hosts:
          jellyfin:
            domains: [jellyfin.home.test]
            to: http://192.0.2.50:8096
        """);

    [Fact]
    public async Task A_terminal_gets_colour()
    {
        var output = await OnTerminalAsync(("NO_COLOR", ""), ("TERM", "xterm-256color"));

        Assert.Contains($"{Green}  +\u001b[0m \u001b[1mhost jellyfin\u001b[0m", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public async Task A_terminal_with_NO_COLOR_or_TERM_dumb_gets_none(string variable, string value)
    {
        var output = await OnTerminalAsync((variable, value), variable == "TERM" ? ("NO_COLOR", "") : ("TERM", "xterm-256color"));

        Assert.Contains("+ host jellyfin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipe_gets_none()
    {
        var plan = await GateCommandLine.RunAsync(_workspace, "plan");

        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("+ host jellyfin", plan.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', plan.StandardOutput);
    }

    /// <summary><c>script -qec "gate plan …" /dev/null</c>: gate's standard output is the pseudo-terminal script made.</summary>
    private async Task<string> OnTerminalAsync(params (string Name, string Value)[] environment)
    {
        var command = string.Join(' ', new[] { GateBinary.DotnetHost }.Concat(GateBinary.Arguments(["plan", "-f", _workspace.ManifestPath, "--state-dir", _workspace.StateDir]))
            .Select(a => $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-qec", command, "/dev/null" })
        {
            info.ArgumentList.Add(argument);
        }
        TestEnvironment.Apply(info);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.True(process.ExitCode == 2, $"gate plan on a terminal exited {process.ExitCode}: {await output}{await process.StandardError.ReadToEndAsync()}");
        return await output;
    }

    public void Dispose() => _workspace.Dispose();
}
