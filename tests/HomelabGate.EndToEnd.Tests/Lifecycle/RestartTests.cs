using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary>The state directory carries the applied configuration across restarts.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_daemon_restarted_on_the_same_state_dir_serves_the_same_configuration()
    {
        await using var upstreams = await Upstreams.StartAsync("alpha");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"])));
        string? hashBefore;
        await using (var first = await GateProcess.StartAsync(workspace))
        {
            Assert.Equal("alpha", (await first.EchoAsync("alpha.test")).Upstream);
            hashBefore = DaemonStatus.ServingHash(await first.StatusAsync());
            Assert.True(await first.StopAsync() == 0, $"SIGTERM should end gate with 0:\n{first.Output}");
        }

        await using var second = await GateProcess.StartAsync(workspace);

        Assert.Equal("alpha", (await second.EchoAsync("alpha.test")).Upstream);
        Assert.Equal(hashBefore, DaemonStatus.ServingHash(await second.StatusAsync()));
    }

    [Fact]
    public async Task A_daemon_started_with_an_invalid_manifest_serves_the_last_applied_state_and_reloads_the_fix()
    {
        await using var upstreams = await Upstreams.StartAsync("alpha", "beta");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"])));
        await using (var first = await GateProcess.StartAsync(workspace))
        {
            await first.StopAsync();
        }
        var broken = workspace.WriteManifest(Manifests.Header + "hosts:\n  alpha:\n    domains: [alpha.test]\n    upstream: nowhere\n");

        await using var gate = await GateProcess.StartAsync(workspace);

        OutputAssert.Contains($"{SourcePosition.Of(broken, "nowhere")}: error HG3001", gate.StandardError, "gate stderr");
        OutputAssert.Contains("serving the configuration applied at", gate.StandardError, "gate stderr");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("alpha", (await gate.EchoAsync("alpha.test")).Upstream);
        }
        Assert.Equal(200, (await gate.AdminGetAsync("/readyz")).Status);
        Assert.False(gate.HasExited, $"gate exited:\n{gate.Output}");

        workspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"]), ("beta", upstreams["beta"])));
        await gate.WaitUntilServedByAsync("beta.test", upstreams["beta"]);
    }
}
