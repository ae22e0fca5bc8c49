using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.PiHole;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.PiHole;

public sealed class PiholeProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private DnsReconciler Reconciler(PiholeStandin pihole, string password = PiholeStandin.Password)
    {
        var client = new PiholeClient(_http, new PiholeOptions(pihole.Server.BaseAddress, TestSecrets.Ref("PIHOLE_PASSWORD")),
            new TestSecrets(new Dictionary<string, string> { ["PIHOLE_PASSWORD"] = password }));
        return new DnsReconciler(new PiholeProvider(client), new JsonOwnershipRegistry(_dir.Combine("o.json"), "lab"), new DnsReconcilerOptions());
    }

    [Fact]
    public async Task Records_are_written_as_hosts_and_cname_entries_against_pihole_standin()
    {
        await using var pihole = new PiholeStandin("192.168.1.1 router.lan");

        await Reconciler(pihole).ApplyAsync([
            DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5"),
            DnsRecordSet.Create("nas.home.test", DnsRecordType.AAAA, 300, "fd00::5"),
            DnsRecordSet.Create("files.home.test", DnsRecordType.CNAME, 300, "nas.home.test"),
        ], default);

        Assert.Equal(["192.168.1.1 router.lan", "10.0.0.5 nas.home.test", "fd00::5 nas.home.test"], pihole.Lists["hosts"]);
        Assert.Equal(["files.home.test,nas.home.test"], pihole.Lists["cnameRecords"]);
        Assert.Equal(2, pihole.Logouts);
    }

    [Fact]
    public async Task Changing_an_address_replaces_only_that_entry_and_removal_leaves_foreign_entries_against_pihole_standin()
    {
        await using var pihole = new PiholeStandin("192.168.1.1 router.lan");
        var reconciler = Reconciler(pihole);
        await reconciler.ApplyAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5", "10.0.0.7")], default);

        await reconciler.ApplyAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.6", "10.0.0.7")], default);
        Assert.Equal(["192.168.1.1 router.lan", "10.0.0.7 nas.home.test", "10.0.0.6 nas.home.test"], pihole.Lists["hosts"]);

        await reconciler.ApplyAsync([], default);
        Assert.Equal(["192.168.1.1 router.lan"], pihole.Lists["hosts"]);
    }

    [Fact]
    public async Task A_second_apply_plans_no_change_against_pihole_standin()
    {
        await using var pihole = new PiholeStandin();
        var reconciler = Reconciler(pihole);
        DnsRecordSet[] desired = [DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")];
        await reconciler.ApplyAsync(desired, default);

        Assert.False((await reconciler.PlanAsync(desired, default)).HasChanges);
    }

    [Fact]
    public async Task A_wrong_password_names_the_reference_but_not_the_value_against_pihole_standin()
    {
        await using var pihole = new PiholeStandin();

        var error = await Assert.ThrowsAsync<PiholeException>(() =>
            Reconciler(pihole, password: "hunter2").PlanAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")], default));

        Assert.Contains("rejected the password from ${env:PIHOLE_PASSWORD}", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task Every_call_after_login_carries_the_session_id_header_against_pihole_standin()
    {
        await using var pihole = new PiholeStandin();

        await Reconciler(pihole).ApplyAsync([DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")], default);

        Assert.All(pihole.Server.Requests.Where(r => r.Path != "/api/auth" || r.Method != "POST"),
            r => Assert.Equal("s3ss10n-1d", r.Headers["X-FTL-SID"]));
        Assert.Contains(pihole.Server.Requests, r => r is { Method: "PUT", Path: "/api/config/dns/hosts/10.0.0.5 nas.home.test" });
    }
}
