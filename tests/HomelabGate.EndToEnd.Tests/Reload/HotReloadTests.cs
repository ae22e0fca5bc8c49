using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>Edits of the manifest reach the running daemon without a restart, however the editor saves the file.</summary>
public sealed class HotReloadTests : IAsyncLifetime
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

    [Theory]
    [InlineData(ManifestWrite.AtomicRename)]
    [InlineData(ManifestWrite.InPlace)]
    public async Task A_host_added_to_the_manifest_is_served_within_ten_seconds(ManifestWrite how)
    {
        Assert.Equal(404, (await _gate.GetAsync("beta.test")).Status);

        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"]), ("beta", _upstreams["beta"])), how);

        await _gate.WaitUntilServedByAsync("beta.test", _upstreams["beta"]);
        Assert.Equal("alpha", (await _gate.EchoAsync("alpha.test")).Upstream);
    }

    [Theory]
    [InlineData(ManifestWrite.AtomicRename)]
    [InlineData(ManifestWrite.InPlace)]
    public async Task Changing_a_hosts_upstream_moves_its_traffic_to_the_new_upstream(ManifestWrite how)
    {
        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["beta"])), how);

        await _gate.WaitUntilServedByAsync("alpha.test", _upstreams["beta"]);
        var served = _upstreams["alpha"].Requests;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("beta", (await _gate.EchoAsync("alpha.test")).Upstream);
        }
        Assert.Equal(served, _upstreams["alpha"].Requests);
    }

    [Fact]
    public async Task A_host_removed_from_the_manifest_falls_to_the_default_site()
    {
        _workspace.WriteManifest(TwoHostManifest.Hosts(("beta", _upstreams["beta"])));

        await _gate.WaitUntilServedByAsync("beta.test", _upstreams["beta"]);
        var result = await _gate.GetAsync("alpha.test");
        Assert.Equal(404, result.Status);
        Assert.Null(result.Header("X-Upstream"));
    }

    [Fact]
    public async Task Every_reload_is_recorded_as_applied_by_a_file_change_in_the_status()
    {
        var hashBefore = (string?)(await _gate.StatusAsync())["servingManifestHash"];

        _workspace.WriteManifest(TwoHostManifest.Hosts(("alpha", _upstreams["alpha"]), ("beta", _upstreams["beta"])));

        var status = await Poll.UntilAsync(_gate.StatusAsync, s => (string?)s["servingManifestHash"] != hashBefore,
            "the serving manifest hash changes", context: () => _gate.Output);
        Assert.Equal("applied", (string?)status["last"]?["result"]);
        Assert.Equal("file change", (string?)status["last"]?["trigger"]);
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        await _upstreams.DisposeAsync();
        _workspace.Dispose();
    }
}
