using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>A reload swaps the configuration under requests that are still running; they must finish normally.</summary>
public sealed class InFlightReloadTests
{
    [Fact]
    public async Task A_slow_request_started_before_a_reload_completes_with_200_from_the_upstream_it_started_on()
    {
        await using var upstreams = await Upstreams.StartAsync("old", "new");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(TwoHostManifest.Hosts(("app", upstreams["old"])));
        await using var gate = await GateProcess.StartAsync(workspace);

        var slow = gate.GetAsync("app.test", "/slow?ms=1500");
        await Poll.UntilAsync(() => Task.FromResult(upstreams["old"].InFlight), n => n == 1, "the slow request reached the old upstream");
        workspace.WriteManifest(TwoHostManifest.Hosts(("app", upstreams["new"]), ("other", upstreams["new"])));
        await gate.WaitUntilServedByAsync("app.test", upstreams["new"]);

        Assert.False(slow.IsCompleted, "the reload took longer than the slow request, so this test proved nothing; lengthen /slow");
        var result = await slow;
        Assert.Equal(200, result.Status);
        Assert.Equal("old", UpstreamEcho.From(result).Upstream);
        Assert.Equal("/slow", UpstreamEcho.From(result).Path);
    }
}
