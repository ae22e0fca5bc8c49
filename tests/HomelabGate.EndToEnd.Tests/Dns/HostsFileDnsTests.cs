using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Dns;

/// <summary>The hosts-file provider feeding a real dnsmasq (<c>--addn-hosts</c>), reloaded with SIGHUP by gate's
/// <c>reloadCommand</c>.</summary>
public sealed class HostsFileDnsTests : IDisposable
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    private string HostsFile => Path.Combine(_workspace.Root, "dnsmasq.hosts");

    private string Manifest(string nasAddress, string reloadCommand) => Manifests.Header + $$"""
        dns:
          provider: { type: hosts-file, path: "{{HostsFile}}", reloadCommand: "{{reloadCommand}}" }
          auto: { target: 100.64.0.10 }
          records:
            - { name: nas.home.test, type: A, value: {{nasAddress}} }
        hosts:
          app:
            domains: [app.home.test]
            respond: { status: 200, body: "app" }

        """;

    [Fact]
    public async Task Gate_apply_writes_the_hosts_file_dnsmasq_answers_from_it_and_a_changed_record_is_answered_after_the_reload()
    {
        _workspace.WriteManifest(Manifest("192.168.1.5", "true"));

        var apply = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}");
        var text = await File.ReadAllTextAsync(HostsFile);
        OutputAssert.Contains("192.168.1.5 nas.home.test", text, "the hosts file");
        OutputAssert.Contains("100.64.0.10 app.home.test", text, "the hosts file");
        await using var dnsmasq = await DnsmasqProcess.StartAsync(HostsFile, Path.Combine(_workspace.Root, "dnsmasq.pid"));
        Assert.Equal(["192.168.1.5"], await dnsmasq.DigAsync("nas.home.test"));
        Assert.Equal(["100.64.0.10"], await dnsmasq.DigAsync("app.home.test"));

        _workspace.WriteManifest(Manifest("192.168.1.55", $"kill -HUP {dnsmasq.Pid}"));
        var change = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(change.ExitCode == 0, $"gate apply of the changed record: {change}");
        await Poll.UntilAsync(() => dnsmasq.DigAsync("nas.home.test"), a => a.SequenceEqual(["192.168.1.55"]), "dnsmasq answers the changed record");
        Assert.Equal(["100.64.0.10"], await dnsmasq.DigAsync("app.home.test"));
    }

    [Fact]
    public async Task A_failed_reload_command_does_not_make_gate_disown_the_records_it_wrote()
    {
        // The first apply runs while dnsmasq is down: the file is written, the reload fails, apply exits 1.
        _workspace.WriteManifest(Manifest("192.168.1.5", "exit 1"));
        var failed = await GateCommandLine.RunAsync(_workspace, "apply");
        Assert.True(failed.ExitCode == 1, $"gate apply with a failing reload: {failed}");
        await using var dnsmasq = await DnsmasqProcess.StartAsync(HostsFile, Path.Combine(_workspace.Root, "dnsmasq.pid"));

        _workspace.WriteManifest(Manifest("192.168.1.55", $"kill -HUP {dnsmasq.Pid}"));
        var apply = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(apply.ExitCode == 0, $"gate apply once the reload works: {apply}");
        Assert.DoesNotContain("did not create", apply.StandardOutput, StringComparison.Ordinal);
        OutputAssert.Contains("192.168.1.55 nas.home.test", await File.ReadAllTextAsync(HostsFile), "the hosts file");
        await Poll.UntilAsync(() => dnsmasq.DigAsync("nas.home.test"), a => a.SequenceEqual(["192.168.1.55"]), "dnsmasq answers the changed record");
    }

    public void Dispose() => _workspace.Dispose();
}
