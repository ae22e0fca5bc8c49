using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Challenges;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Challenges;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ExecDns01SolverTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly Dns01Challenge Challenge = new("app.home.test", "_acme-challenge.app.home.test", "tok-123");

    public void Dispose() => _dir.Dispose();

    private string Hook(string body)
    {
        var path = _dir.Combine("hook.sh");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task The_hook_is_called_with_the_lego_convention_for_present_and_cleanup()
    {
        var log = _dir.Combine("calls.log");
        var solver = new ExecDns01Solver(new ExecSolverOptions(Hook($"echo \"$1 $2 $3\" >> {log}"), TimeSpan.FromSeconds(10)));

        await solver.PresentAsync(Challenge, default);
        await solver.CleanUpAsync(Challenge, default);

        Assert.Equal(
            ["present _acme-challenge.app.home.test. tok-123", "cleanup _acme-challenge.app.home.test. tok-123"],
            await File.ReadAllLinesAsync(log));
    }

    [Fact]
    public async Task A_failing_hook_reports_its_exit_code_and_stderr()
    {
        var solver = new ExecDns01Solver(new ExecSolverOptions(Hook("echo 'API said no' >&2; exit 4"), TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<IOException>(() => solver.PresentAsync(Challenge, default));

        Assert.Contains("present _acme-challenge.app.home.test exited with 4: API said no", error.Message);
    }

    [Fact]
    public async Task A_hung_hook_is_stopped_at_its_timeout()
    {
        var solver = new ExecDns01Solver(new ExecSolverOptions(Hook("sleep 30"), TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => solver.PresentAsync(Challenge, default));

        Assert.Contains("did not finish within 0.3 s", error.Message);
    }
}
