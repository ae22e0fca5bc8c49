using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Engine;

/// <summary>The daemon, <c>gate plan</c>, <c>gate apply</c> and <c>gate drift</c> go through one engine, so they cannot
/// disagree: what the daemon could not do stays pending, what it repaired is reported, and "due" means one thing. The
/// daemons run without the resync timer, so only the commands under test make them reconcile.</summary>
public sealed class OneEngineTests : IDisposable
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    private string HostsFile => Path.Combine(_workspace.Root, "dnsmasq.hosts");

    private string Manifest(string hostsPath) => Manifests.Header + $$"""
        dns:
          provider: { type: hosts-file, path: "{{hostsPath}}" }
          records:
            - { name: nas.home.test, type: A, value: 192.168.1.5 }
        issuers:
          local: { type: local-ca }
        certificates:
          web: { issuer: local, domains: [web.home.test] }
        hosts:
          app:
            domains: [app.home.test]
            respond: { status: 200, body: "app" }

        """;

    [Fact]
    public async Task A_dns_failure_in_the_daemon_leaves_the_record_pending_so_gate_plan_shows_it()
    {
        // A directory where the hosts file should be: reading finds no records, writing fails.
        var blocked = Directory.CreateDirectory(Path.Combine(_workspace.Root, "hosts-is-a-directory")).FullName;
        _workspace.WriteManifest(Manifest(blocked));
        await using var gate = await GateProcess.StartAsync(_workspace, "--resync-seconds", "3600");

        var plan = await GateCommandLine.RunAsync(_workspace, "plan");

        Assert.True(plan.ExitCode == 2, $"gate plan beside a daemon whose DNS failed: {plan}\n--- daemon ---\n{gate.Output}");
        OutputAssert.Contains("+ dns A nas.home.test", plan.StandardOutput, "gate plan");
        OutputAssert.Contains("# new in the manifest", plan.StandardOutput, "gate plan");
        OutputAssert.DoesNotContain("host app", plan.StandardOutput, "gate plan: the daemon serves the host, so it is not pending");
    }

    [Fact]
    public async Task Gate_apply_beside_a_daemon_reports_the_dns_drift_the_daemon_repaired()
    {
        _workspace.WriteManifest(Manifest(HostsFile));
        await using var gate = await GateProcess.StartAsync(_workspace, "--resync-seconds", "3600");
        OutputAssert.Contains("192.168.1.5 nas.home.test", await File.ReadAllTextAsync(HostsFile), "the hosts file after start");
        await File.WriteAllTextAsync(HostsFile, "");

        var drift = await GateCommandLine.RunAsync(_workspace, "drift");
        var apply = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(drift.ExitCode == 2, $"gate drift: {drift}");
        OutputAssert.Contains("dns A nas.home.test: deleted out of band", drift.StandardOutput, "gate drift");
        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}\n--- daemon ---\n{gate.Output}");
        OutputAssert.Contains("The running daemon applied this plan:", apply.StandardOutput, "gate apply");
        OutputAssert.Contains("dns A nas.home.test", apply.StandardOutput, "gate apply");
        OutputAssert.Contains("# deleted out of band", apply.StandardOutput, "gate apply");
        OutputAssert.Contains("192.168.1.5 nas.home.test", await File.ReadAllTextAsync(HostsFile), "the hosts file after apply");
        Assert.Equal(0, (await GateCommandLine.RunAsync(_workspace, "drift")).ExitCode);
    }

    [Fact]
    public async Task Plan_drift_and_the_daemon_agree_when_a_certificate_breaks_on_disk()
    {
        _workspace.WriteManifest(Manifest(HostsFile));
        await using var gate = await GateProcess.StartAsync(_workspace, "--resync-seconds", "3600");
        Assert.Equal(0, (await GateCommandLine.RunAsync(_workspace, "plan")).ExitCode);
        Assert.Equal(0, (await GateCommandLine.RunAsync(_workspace, "drift")).ExitCode);
        // Another certificate's key: the stored pair no longer matches.
        var web = Path.Combine(_workspace.StateDir, "certificates", "web");
        File.Copy(Path.Combine(_workspace.StateDir, "ca", "intermediate.key"), Path.Combine(web, "key.pem"), overwrite: true);

        var plan = await GateCommandLine.RunAsync(_workspace, "plan");
        var drift = await GateCommandLine.RunAsync(_workspace, "drift");
        var apply = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(plan.ExitCode == 2, $"gate plan: {plan}");
        OutputAssert.Contains("↻ certificate web", plan.StandardOutput, "gate plan");
        OutputAssert.Contains("does not belong to the stored certificate", plan.StandardOutput, "gate plan");
        Assert.True(drift.ExitCode == 2, $"gate drift: {drift}");
        OutputAssert.Contains("certificate web: the stored private key does not belong to the stored certificate", drift.StandardOutput, "gate drift");
        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}\n--- daemon ---\n{gate.Output}");
        OutputAssert.Contains("↻ certificate web", apply.StandardOutput, "gate apply (the daemon's plan)");
        Assert.Equal(0, (await GateCommandLine.RunAsync(_workspace, "plan")).ExitCode);
        Assert.Equal(0, (await GateCommandLine.RunAsync(_workspace, "drift")).ExitCode);
    }

    public void Dispose() => _workspace.Dispose();
}
