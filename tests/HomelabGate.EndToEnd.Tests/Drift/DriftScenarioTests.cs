using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Drift;

/// <summary>Out-of-band changes to a running homelab, each found by <c>gate drift</c> (exit 2, naming the resource and the
/// reason) and by <c>gate status</c>, and repaired by <c>gate apply</c> where apply can repair it.</summary>
public sealed class DriftScenarioTests
{
    private const string Manifest = Manifests.Header + """
        issuers:
          local: { type: local-ca }
        certificates:
          web: { issuer: local, domains: [web.home.test] }
        upstreams:
          media:
            targets: ["<media>"]
            healthCheck: { path: /, interval: 1s, timeout: 1s, unhealthyThreshold: 1 }
        hosts:
          media:
            domains: [media.home.test]
            upstream: media

        """;

    [Fact]
    public async Task A_deleted_certificate_file_is_drift_that_apply_repairs()
    {
        await using var upstreams = await Upstreams.StartAsync("media");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(Manifest.Replace("<media>", upstreams["media"].Address, StringComparison.Ordinal));
        await using var gate = await GateProcess.StartAsync(workspace);
        Assert.Equal(0, (await GateCommandLine.RunAsync(workspace, "drift")).ExitCode);

        File.Delete(Path.Combine(workspace.StateDir, "certificates", "web", "cert.pem"));
        var drift = await GateCommandLine.RunAsync(workspace, "drift");
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("certificate web", drift.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("does not exist", drift.StandardOutput, StringComparison.Ordinal);

        var apply = await GateCommandLine.RunAsync(workspace, "apply");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var after = await GateCommandLine.RunAsync(workspace, "drift");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.True(File.Exists(Path.Combine(workspace.StateDir, "certificates", "web", "cert.pem")));
    }

    [Fact]
    public async Task A_stopped_upstream_is_drift_in_gate_drift_and_gate_status_that_apply_cannot_repair()
    {
        var upstreams = await Upstreams.StartAsync("media");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(Manifest.Replace("<media>", upstreams["media"].Address, StringComparison.Ordinal));
        await using var gate = await GateProcess.StartAsync(workspace);
        await upstreams.DisposeAsync();

        var drift = await Poll.UntilAsync(() => GateCommandLine.RunAsync(workspace, "drift"), r => r.ExitCode == 2,
            "gate drift reports the stopped upstream", TimeSpan.FromSeconds(15), () => gate.Output);
        Assert.Contains("! host media: target", drift.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("is unhealthy", drift.StandardOutput, StringComparison.Ordinal);

        var status = await GateCommandLine.RunAsync(workspace, "status");
        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Matches(@"host media\s+Drifted", status.StandardOutput);
    }

    [Fact]
    public async Task An_invalid_manifest_is_drift_while_the_last_good_configuration_is_served()
    {
        await using var upstreams = await Upstreams.StartAsync("media");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(Manifest.Replace("<media>", upstreams["media"].Address, StringComparison.Ordinal));
        await using var gate = await GateProcess.StartAsync(workspace);

        workspace.WriteManifest(Manifests.Header + "hosts:\n  media: { domains: [media.home.test], upstream: nowhere }\n");
        await gate.WaitUntilRejectedAsync("a reference to an unknown upstream");

        var drift = await GateCommandLine.RunAsync(workspace, "drift");
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("! manifest: the manifest is invalid", drift.StandardOutput, StringComparison.Ordinal);
        var status = await GateCommandLine.RunAsync(workspace, "status");
        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Matches(@"manifest\s+Failed\s+invalid", status.StandardOutput);
        Assert.Equal("media", (await gate.EchoAsync("media.home.test")).Upstream);
    }

    [Fact]
    public async Task A_comment_only_edit_is_not_drift_once_applied()
    {
        await using var upstreams = await Upstreams.StartAsync("media");
        using var workspace = GateWorkspace.Create();
        var manifest = Manifest.Replace("<media>", upstreams["media"].Address, StringComparison.Ordinal);
        workspace.WriteManifest(manifest);
        await using var gate = await GateProcess.StartAsync(workspace);

        // Once, `gate drift` compared file hashes and said "the daemon serves an older manifest" forever after this.
        workspace.WriteManifest("# media moved to the NAS in March\n" + manifest);
        var apply = await GateCommandLine.RunAsync(workspace, "apply");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var drift = await Poll.UntilAsync(() => GateCommandLine.RunAsync(workspace, "drift"), r => r.ExitCode == 0,
            "gate drift finds nothing after a comment-only edit", TimeSpan.FromSeconds(15), () => gate.Output);
        Assert.DoesNotContain("differs", drift.StandardOutput, StringComparison.Ordinal);
    }
}
