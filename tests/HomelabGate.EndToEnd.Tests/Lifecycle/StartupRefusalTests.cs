using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary>When gate cannot serve, it says why and exits non-zero instead of running half-broken.</summary>
public sealed class StartupRefusalTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_daemon_started_with_an_invalid_manifest_and_no_state_exits_non_zero_with_the_diagnostic_on_stderr()
    {
        using var workspace = GateWorkspace.Create();
        var broken = workspace.WriteManifest(Manifests.Header + "hosts:\n  alpha:\n    domains: [alpha.test]\n    upstream: nowhere\n");

        await using var gate = GateProcess.Launch(workspace);
        var exitCode = await gate.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode != 0, $"gate exited with 0:\n{gate.Output}");
        OutputAssert.Contains($"{SourcePosition.Of(broken, "nowhere")}: error HG3001: unknown upstream 'nowhere'", gate.StandardError, "gate stderr");
        OutputAssert.Contains("nothing to serve", gate.StandardError, "gate stderr");
        Assert.Null(await TestHttp.StatusOrNullAsync(gate.AdminUrl("/healthz")));
    }

    [Fact]
    public async Task A_second_daemon_on_the_same_state_dir_exits_non_zero_and_says_another_daemon_holds_it()
    {
        await using var upstreams = await Upstreams.StartAsync("alpha");
        using var firstWorkspace = GateWorkspace.Create();
        firstWorkspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"])));
        await using var first = await GateProcess.StartAsync(firstWorkspace);
        using var secondWorkspace = GateWorkspace.Create(stateDir: firstWorkspace.StateDir);
        secondWorkspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"])));

        await using var second = GateProcess.Launch(secondWorkspace);
        var exitCode = await second.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode != 0, $"the second gate exited with 0:\n{second.Output}");
        OutputAssert.Contains($"another gate daemon uses the state directory {firstWorkspace.StateDir}", second.StandardError, "second stderr");
        OutputAssert.Contains($"pid={first.Pid}", second.StandardError, "second stderr");
        Assert.Equal("alpha", (await first.EchoAsync("alpha.test")).Upstream);
    }
}
