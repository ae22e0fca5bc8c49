using System.Diagnostics;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary>The signals an operator and a container runtime send: SIGHUP reloads, SIGTERM drains and exits 0.</summary>
public sealed class SignalTests
{
    [Fact]
    public async Task SIGHUP_reloads_a_manifest_change_the_file_watcher_cannot_see()
    {
        await using var upstreams = await Upstreams.StartAsync("alpha", "beta");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"])), ManifestWrite.InPlace);
        // A hard link in another folder: writing through it changes the manifest's content, but inotify reports the
        // write only to the folder it was made in, so only the signal can bring the change in.
        var elsewhere = Path.Combine(workspace.Root, "elsewhere", "homelab.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        Assert.Equal(0, (await ProcessRunner.RunAsync("ln", [workspace.ManifestPath, elsewhere], timeout: TimeSpan.FromSeconds(5))).ExitCode);
        await using var gate = await GateProcess.StartAsync(workspace, "--resync-seconds", "3600");
        // The start's own reconcile must be over before the edit, or (on a loaded machine) it reads the edit itself.
        await Poll.UntilAsync(gate.StatusAsync, s => DaemonStatus.LastTrigger(s) == "start" && DaemonStatus.LastResult(s) == "applied",
            "the start's reconcile is recorded", TimeSpan.FromSeconds(30), () => gate.Output);
        await File.WriteAllTextAsync(elsewhere, workspace.Render(InlineHosts.Manifest(("alpha", upstreams["alpha"]), ("beta", upstreams["beta"]))));

        await gate.SignalAsync("HUP");

        await gate.WaitUntilServedByAsync("beta.test", upstreams["beta"]);
        var status = await gate.StatusAsync();
        Assert.Equal("SIGHUP", DaemonStatus.LastTrigger(status));
        Assert.Equal("applied", DaemonStatus.LastResult(status));
        Assert.False(gate.HasExited, $"SIGHUP ended gate:\n{gate.Output}");
    }

    [Fact]
    public async Task Edits_to_the_target_of_a_symlinked_manifest_are_served_without_a_signal()
    {
        await using var upstreams = await Upstreams.StartAsync("alpha", "beta");
        using var workspace = GateWorkspace.Create();
        // stow, dotfiles and ConfigMaps: the manifest is a link to a file in another folder.
        var target = Path.Combine(workspace.Root, "dotfiles", "homelab.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.CreateSymbolicLink(workspace.ManifestPath, target);
        workspace.WriteManifest(InlineHosts.Manifest(("alpha", upstreams["alpha"])), ManifestWrite.InPlace);
        await using var gate = await GateProcess.StartAsync(workspace, "--resync-seconds", "3600");

        var temp = target + ".swp";
        await File.WriteAllTextAsync(temp, workspace.Render(InlineHosts.Manifest(("alpha", upstreams["alpha"]), ("beta", upstreams["beta"]))));
        File.Move(temp, target, overwrite: true);

        await gate.WaitUntilServedByAsync("beta.test", upstreams["beta"]);
        Assert.Equal("file change", DaemonStatus.LastTrigger(await gate.StatusAsync()));
    }

    [Fact]
    public async Task SIGTERM_lets_an_in_flight_slow_request_finish_then_exits_0()
    {
        await using var upstreams = await Upstreams.StartAsync("slow");
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(InlineHosts.Manifest(("app", upstreams["slow"])));
        await using var gate = await GateProcess.StartAsync(workspace);
        var clock = Stopwatch.StartNew();
        var slow = gate.GetAsync("app.test", "/slow?ms=1500");
        await Poll.UntilAsync(() => Task.FromResult(upstreams["slow"].InFlight), n => n == 1, "the slow request reached the upstream");

        await gate.SignalAsync("TERM");

        var result = await slow;
        Assert.Equal(200, result.Status);
        Assert.Equal("slow", UpstreamEcho.From(result).Upstream);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1500), $"the slow request came back after only {clock.Elapsed}");
        var exitCode = await gate.WaitForExitAsync(TimeSpan.FromSeconds(12));
        Assert.True(exitCode == 0, $"gate exited with {exitCode} after SIGTERM:\n{gate.Output}");
    }
}
