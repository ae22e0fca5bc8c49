using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>A broken edit is rejected whole: the last good configuration keeps serving, /api/status says why with
/// file:line:column, and the next good edit is served.</summary>
public sealed class InvalidManifestTests(InvalidManifestTests.Daemon daemon) : IClassFixture<InvalidManifestTests.Daemon>, IAsyncLifetime
{
    private GateProcess Gate => daemon.Gate;

    public static TheoryData<string, string, string, string> BrokenManifests => new()
    {
        {
            "YAML syntax error (a key indented one space too little)",
            Manifests.Header + """
                hosts:
                  alpha:
                    domains: [alpha.test]
                   to: http://127.0.0.1:9
                """,
            "to: http://127.0.0.1:9",
            "HG1005"
        },
        {
            "schema error (a status that is not a number)",
            Manifests.Header + """
                hosts:
                  alpha:
                    domains: [alpha.test]
                    respond:
                      status: "two hundred"
                """,
            "\"two hundred\"",
            "HG2002"
        },
        {
            "reference to an upstream that is not defined",
            Manifests.Header + """
                upstreams:
                  media:
                    targets: ["http://127.0.0.1:9"]
                hosts:
                  alpha:
                    domains: [alpha.test]
                    upstream: nowhere
                """,
            "nowhere",
            "HG3001"
        },
    };

    public Task InitializeAsync() => daemon.ServeAsync(InlineHosts.Manifest(("alpha", daemon.Upstreams["alpha"])));

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public async Task A_broken_edit_is_rejected_with_its_location_while_the_last_good_configuration_keeps_serving(
        string problem, string broken, string marker, string code)
    {
        var servingBefore = DaemonStatus.ServingHash(await Gate.StatusAsync());

        var written = daemon.Workspace.WriteManifest(broken);

        var status = await Gate.WaitUntilRejectedAsync($"the manifest with a {problem}");
        var diagnostics = DaemonStatus.LastDiagnostics(status);
        Assert.Contains(diagnostics, d => d.StartsWith($"{SourcePosition.Of(written, marker)}: error {code}:", StringComparison.Ordinal));
        Assert.Equal(servingBefore, DaemonStatus.ServingHash(status));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("alpha", (await Gate.EchoAsync("alpha.test")).Upstream);
        }
        await FixAndExpectTheFixServedAsync();
    }

    /// <summary>Writes a good manifest that adds beta.test and expects it served with a clean status. (The proxy swaps
    /// before the status records the outcome, so the status is awaited by the manifest's hash.)</summary>
    private async Task FixAndExpectTheFixServedAsync()
    {
        var written = daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", daemon.Upstreams["alpha"]), ("beta", daemon.Upstreams["beta"])));

        await Gate.WaitUntilServedByAsync("beta.test", daemon.Upstreams["beta"]);
        await Gate.WaitUntilServingAsync(written);
        var status = await Gate.StatusAsync();
        Assert.Equal("applied", DaemonStatus.LastResult(status));
        Assert.Empty(DaemonStatus.LastDiagnostics(status));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class Daemon() : GateFixture("alpha", "beta")
    {
        protected override string InitialManifest() => InlineHosts.Manifest(("alpha", Upstreams["alpha"]));
    }
}
