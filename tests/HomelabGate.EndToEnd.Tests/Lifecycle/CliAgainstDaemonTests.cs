using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary><c>gate apply</c> and <c>gate plan</c> run beside a daemon that holds the state directory.</summary>
public sealed class CliAgainstDaemonTests : IAsyncLifetime
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();
    private Upstreams _upstreams = null!;
    private GateProcess _gate = null!;

    public async Task InitializeAsync()
    {
        _upstreams = await Upstreams.StartAsync("alpha", "beta");
        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"])));
        _gate = await GateProcess.StartAsync(_workspace);
    }

    [Fact]
    public async Task Gate_apply_while_the_daemon_runs_asks_the_daemon_and_the_change_is_served_when_it_returns()
    {
        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"]), ("beta", _upstreams["beta"])));

        var apply = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}\n--- daemon ---\n{_gate.Output}");
        Assert.Contains("The running daemon applied the manifest", apply.StandardOutput);
        Assert.Equal("beta", (await _gate.EchoAsync("beta.test")).Upstream);
        var plan = await GateCommandLine.RunAsync(_workspace, "plan");
        Assert.True(plan.ExitCode == 0, $"gate plan after apply: {plan}");
        Assert.Contains("No changes.", plan.StandardOutput);
    }

    [Fact]
    public async Task Gate_plan_exits_0_with_no_changes_for_the_manifest_the_daemon_serves()
    {
        var plan = await GateCommandLine.RunAsync(_workspace, "plan");

        Assert.True(plan.ExitCode == 0, $"gate plan: {plan}");
        Assert.Contains("No changes.", plan.StandardOutput);
    }

    [Fact]
    public async Task Gate_plan_exits_2_for_an_edit_the_daemon_has_not_applied()
    {
        // The edit lives outside the folder the daemon watches, so the daemon cannot apply it before plan runs.
        var pending = Path.Combine(_workspace.Root, "pending", "homelab.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(pending)!);
        File.WriteAllText(pending, _workspace.Render(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"]), ("beta", _upstreams["beta"]))));

        var plan = await GateCommandLine.RunAsync("plan", pending, _workspace.StateDir, _workspace.Root);

        Assert.True(plan.ExitCode == 2, $"gate plan: {plan}");
        Assert.Contains("+ host beta", plan.StandardOutput);
        Assert.Contains("Plan: 2 to add, 0 to change, 0 to destroy.", plan.StandardOutput);
        Assert.Equal(404, (await _gate.GetAsync("beta.test")).Status);
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        await _upstreams.DisposeAsync();
        _workspace.Dispose();
    }
}
