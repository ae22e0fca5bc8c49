using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>Edits of the manifest reach the running daemon without a restart, however the editor saves the file, and
/// without disturbing requests already running. Every test starts from the daemon serving alpha.test → alpha.</summary>
public sealed class HotReloadTests(HotReloadTests.Daemon daemon) : IClassFixture<HotReloadTests.Daemon>, IAsyncLifetime
{
    private GateProcess Gate => daemon.Gate;

    private UpstreamServer Alpha => daemon.Upstreams["alpha"];

    private UpstreamServer Beta => daemon.Upstreams["beta"];

    public Task InitializeAsync() => daemon.ServeAsync(InlineHosts.Manifest(("alpha", Alpha)));

    [Theory]
    [InlineData(ManifestWrite.AtomicRename)]
    [InlineData(ManifestWrite.InPlace)]
    public async Task A_host_added_to_the_manifest_is_served_within_ten_seconds(ManifestWrite how)
    {
        Assert.Equal(404, (await Gate.GetAsync("beta.test")).Status);

        daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", Alpha), ("beta", Beta)), how);

        await Gate.WaitUntilServedByAsync("beta.test", Beta);
        Assert.Equal("alpha", (await Gate.EchoAsync("alpha.test")).Upstream);
    }

    [Theory]
    [InlineData(ManifestWrite.AtomicRename)]
    [InlineData(ManifestWrite.InPlace)]
    public async Task Changing_a_hosts_upstream_moves_its_traffic_to_the_new_upstream(ManifestWrite how)
    {
        daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", Beta)), how);

        await Gate.WaitUntilServedByAsync("alpha.test", Beta);
        var servedByAlpha = Alpha.Requests;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("beta", (await Gate.EchoAsync("alpha.test")).Upstream);
        }
        Assert.Equal(servedByAlpha, Alpha.Requests);
    }

    [Fact]
    public async Task A_host_removed_from_the_manifest_falls_to_the_default_site()
    {
        daemon.Workspace.WriteManifest(InlineHosts.Manifest(("beta", Beta)));

        await Gate.WaitUntilServedByAsync("beta.test", Beta);
        var result = await Gate.GetAsync("alpha.test");
        Assert.Equal(404, result.Status);
        Assert.Null(result.Header("X-Upstream"));
    }

    [Fact]
    public async Task A_reload_is_recorded_in_the_status_as_applied_by_a_file_change()
    {
        var written = daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", Alpha), ("beta", Beta)));

        await Gate.WaitUntilServingAsync(written);
        var status = await Gate.StatusAsync();
        Assert.Equal("applied", DaemonStatus.LastResult(status));
        Assert.Equal("file change", DaemonStatus.LastTrigger(status));
    }

    [Fact]
    public async Task A_slow_request_started_before_a_reload_completes_with_200_from_the_upstream_it_started_on()
    {
        var slow = Gate.GetAsync("alpha.test", "/slow?ms=1500");
        await Poll.UntilAsync(() => Task.FromResult(Alpha.InFlight), n => n == 1, "the slow request reached alpha");

        daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", Beta), ("beta", Beta)));
        await Gate.WaitUntilServedByAsync("alpha.test", Beta);

        Assert.False(slow.IsCompleted, "the reload took longer than the slow request, so this test proved nothing; lengthen /slow");
        var echo = UpstreamEcho.From(await slow);
        Assert.Equal("alpha", echo.Upstream);
        Assert.Equal("/slow", echo.Path);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class Daemon() : GateFixture("alpha", "beta")
    {
        protected override string InitialManifest() => InlineHosts.Manifest(("alpha", Upstreams["alpha"]));
    }
}
