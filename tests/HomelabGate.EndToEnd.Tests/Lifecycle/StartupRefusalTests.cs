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

    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_field_before_anything_is_applied()
    {
        using var workspace = GateWorkspace.Create();
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, workspace.Ports.Proxy);
        squatter.Start();
        workspace.WriteManifest(Manifests.Header + "hosts:\n  alpha:\n    domains: [alpha.test]\n    respond: { status: 200, body: ok }\n");

        await using var gate = GateProcess.Launch(workspace);
        var exitCode = await gate.WaitForExitAsync(ExitTimeout);

        Assert.Equal(1, exitCode);
        OutputAssert.Contains($"gate: cannot listen on {workspace.Ports.ProxyAddress} (settings.listen.http): the address is already in use",
            gate.StandardError, "gate stderr");
        OutputAssert.DoesNotContain("Exception", gate.Output, "gate output");
        OutputAssert.DoesNotContain("Applied:", gate.Output, "gate output");
        Assert.False(File.Exists(Path.Combine(workspace.StateDir, "applied.json")), "nothing may be recorded as applied");
    }
}
