using HomelabGate.Dns.HostsFile;
using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.HostsFile;

public sealed class HostsFileProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private DnsReconciler Reconciler(IReloadAction? reload = null) => new(
        new HostsFileProvider(_dir.Combine("homelab.hosts"), reload),
        new JsonOwnershipRegistry(_dir.Combine("dns-ownership.json"), "lab"),
        new DnsReconcilerOptions());

    [Fact]
    public async Task Real_dnsmasq_serves_the_generated_file_and_sees_a_change_after_SIGHUP()
    {
        var hosts = _dir.Combine("homelab.hosts");
        await File.WriteAllTextAsync(hosts, "10.0.0.9 printer.home.test\n");
        await using var dnsmasq = await DnsmasqProcess.StartAsync(hosts, _dir.Combine("dnsmasq.pid"));
        var reconciler = Reconciler(new SignalPidFileReload(dnsmasq.PidFile));

        await reconciler.ApplyAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")], default);
        Assert.Equal(["10.0.0.5"], await dnsmasq.DigAsync("nas.home.test", "A"));

        await Reconciler(reload: null).ApplyAsync([
            DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.6"),
            DnsRecordSet.Create("nas.home.test", DnsRecordType.AAAA, 300, "fd00::6"),
        ], default);
        // dnsmasq reads addn-hosts only at start and on SIGHUP: without the signal it still serves the old address.
        Assert.Equal(["10.0.0.5"], await dnsmasq.DigAsync("nas.home.test", "A"));

        await new SignalPidFileReload(dnsmasq.PidFile).ReloadAsync(default);
        await Task.Delay(200);

        Assert.Equal(["10.0.0.6"], await dnsmasq.DigAsync("nas.home.test", "A"));
        Assert.Equal(["fd00::6"], await dnsmasq.DigAsync("nas.home.test", "AAAA"));
        Assert.Equal(["10.0.0.9"], await dnsmasq.DigAsync("printer.home.test", "A"));
    }

    [Fact]
    public async Task Records_without_a_TTL_plan_no_change_on_the_second_apply()
    {
        var reconciler = Reconciler();
        DnsRecordSet[] desired = [DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")];
        await reconciler.ApplyAsync(desired, default);

        Assert.False((await reconciler.PlanAsync(desired, default)).HasChanges);
    }

    [Fact]
    public async Task A_hand_written_line_for_a_desired_name_is_a_conflict_and_stays()
    {
        await File.WriteAllTextAsync(_dir.Combine("homelab.hosts"), "10.1.1.1 nas.home.test\n");

        var result = await Reconciler().ApplyAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")], default);

        Assert.Single(result.Plan.Conflicts);
        Assert.Equal("10.1.1.1 nas.home.test\n", await File.ReadAllTextAsync(_dir.Combine("homelab.hosts")));
    }

    [Fact]
    public async Task TXT_records_are_refused_with_the_provider_named()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            Reconciler().PlanAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.TXT, 300, "x")], default));

        Assert.Contains("hosts-file", error.Message);
        Assert.Contains("cannot hold TXT records", error.Message);
    }

    [Fact]
    public async Task A_failing_reload_command_reports_its_exit_code_and_stderr()
    {
        var reload = new CommandReload("sh", ["-c", "echo not running >&2; exit 3"], TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<IOException>(() => reload.ReloadAsync(default));

        Assert.Contains("exited with 3: not running", error.Message);
    }
}
