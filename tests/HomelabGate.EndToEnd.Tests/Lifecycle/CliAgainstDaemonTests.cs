using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary><c>gate apply</c> and <c>gate plan</c> run beside a daemon that holds the state directory. Every test
/// starts from the daemon serving alpha.test → alpha.</summary>
public sealed class CliAgainstDaemonTests(CliAgainstDaemonTests.Daemon daemon) : IClassFixture<CliAgainstDaemonTests.Daemon>, IAsyncLifetime
{
    private GateWorkspace Workspace => daemon.Workspace;

    private GateProcess Gate => daemon.Gate;

    private Upstreams Upstreams => daemon.Upstreams;

    public Task InitializeAsync() => daemon.ServeAsync(InlineHosts.Manifest(("alpha", Upstreams["alpha"])));

    [Fact]
    public async Task Gate_apply_while_the_daemon_runs_asks_the_daemon_and_the_change_is_served_when_it_returns()
    {
        Workspace.WriteManifest(InlineHosts.Manifest(("alpha", Upstreams["alpha"]), ("beta", Upstreams["beta"])));

        var apply = await GateCommandLine.RunAsync(Workspace, "apply");

        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}\n--- daemon ---\n{Gate.Output}");
        OutputAssert.Contains("The running daemon ", apply.StandardOutput, "apply stdout");
        Assert.Equal("beta", (await Gate.EchoAsync("beta.test")).Upstream);
        var plan = await GateCommandLine.RunAsync(Workspace, "plan");
        Assert.True(plan.ExitCode == 0, $"gate plan after apply: {plan}");
        OutputAssert.Contains("No changes.", plan.StandardOutput, "plan stdout");
    }

    [Fact]
    public async Task Gate_plan_exits_0_with_no_changes_for_the_manifest_the_daemon_serves()
    {
        var plan = await GateCommandLine.RunAsync(Workspace, "plan");

        Assert.True(plan.ExitCode == 0, $"gate plan: {plan}");
        OutputAssert.Contains("No changes.", plan.StandardOutput, "plan stdout");
    }

    [Fact]
    public async Task Gate_plan_exits_2_for_an_edit_the_daemon_has_not_applied()
    {
        // The edit lives outside the folder the daemon watches, so the daemon cannot apply it before plan runs.
        var pending = Path.Combine(Workspace.Root, "pending", "homelab.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(pending)!);
        File.WriteAllText(pending, Workspace.Render(InlineHosts.Manifest(("alpha", Upstreams["alpha"]), ("beta", Upstreams["beta"]))));

        var plan = await GateCommandLine.RunAsync("plan", pending, Workspace.StateDir, Workspace.Root);

        Assert.True(plan.ExitCode == 2, $"gate plan: {plan}");
        OutputAssert.Contains("+ host beta", plan.StandardOutput, "plan stdout");
        // One entry: the host with its inline to: (the pool inside is not an entry of its own).
        OutputAssert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", plan.StandardOutput, "plan stdout");
        Assert.Equal(404, (await Gate.GetAsync("beta.test")).Status);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class Daemon() : GateFixture("alpha", "beta")
    {
        protected override string InitialManifest() => InlineHosts.Manifest(("alpha", Upstreams["alpha"]));
    }
}
