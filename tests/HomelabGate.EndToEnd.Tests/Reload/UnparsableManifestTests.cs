using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>YAML the parser itself chokes on (not just a syntax error it reports) must still be one more invalid
/// manifest: reported with its location, and the daemon keeps reloading later edits. Own daemon: when this fails, the
/// daemon it ran against is not fit for other tests.</summary>
public sealed class UnparsableManifestTests(UnparsableManifestTests.Daemon daemon) : IClassFixture<UnparsableManifestTests.Daemon>
{
    [Fact]
    public async Task A_flow_list_left_open_before_the_next_key_is_rejected_and_later_edits_still_reload()
    {
        daemon.Workspace.WriteManifest(Manifests.Header + """
            hosts:
              alpha:
                domains: [alpha.test
                to: http://127.0.0.1:9
            """);

        var status = await daemon.Gate.WaitUntilRejectedAsync("a manifest with a flow list left open");
        Assert.Contains(DaemonStatus.LastDiagnostics(status),
            d => d.StartsWith("homelab.yaml:", StringComparison.Ordinal) && d.Contains(": error HG1005:", StringComparison.Ordinal));
        Assert.Equal("alpha", (await daemon.Gate.EchoAsync("alpha.test")).Upstream);

        daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", daemon.Upstreams["alpha"]), ("beta", daemon.Upstreams["beta"])));
        await daemon.Gate.WaitUntilServedByAsync("beta.test", daemon.Upstreams["beta"]);
    }

    [Theory]
    [InlineData("hosts: &a [*a]\n", "HG1012")]
    [InlineData("hosts: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "HG1011")]
    public async Task A_self_referencing_alias_or_deep_nesting_is_rejected_and_the_daemon_keeps_serving(string body, string code)
    {
        // Issue 11: the first of these overflowed the stack and killed the daemon.
        daemon.Workspace.WriteManifest(Manifests.Header + body);

        await Poll.UntilAsync(daemon.Gate.StatusAsync, s => DaemonStatus.LastDiagnostics(s).Any(d => d.Contains($": error {code}:", StringComparison.Ordinal)),
            $"/api/status reports the manifest as invalid with {code}", context: () => daemon.Gate.Output);
        Assert.Equal("alpha", (await daemon.Gate.EchoAsync("alpha.test")).Upstream);

        // Leave the daemon as the other tests expect it: serving a valid manifest, its last reload not invalid.
        daemon.Workspace.WriteManifest(InlineHosts.Manifest(("alpha", daemon.Upstreams["alpha"])));
        await Poll.UntilAsync(daemon.Gate.StatusAsync, s => DaemonStatus.LastResult(s) != "invalid", "the daemon reloads the valid manifest");
    }

    public sealed class Daemon() : GateFixture("alpha", "beta")
    {
        protected override string InitialManifest() => InlineHosts.Manifest(("alpha", Upstreams["alpha"]));
    }
}
