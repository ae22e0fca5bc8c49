using HomelabGate.Core.Engine;
using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Rfc2136;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Rfc2136;

[Collection(BindCollection.Name)]
public sealed class Rfc2136ProviderTests(BindFixture bind) : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly string _owner = $"lab-{Guid.NewGuid():N}";

    public void Dispose() => _state.Dispose();

    private DnsReconciler Reconciler(bool adopt = false, bool stateDirOnly = false)
    {
        var client = bind.Client();
        IDnsOwnershipRegistry file = new JsonOwnershipRegistry(_state.Combine("dns-ownership.json"), _owner);
        var registry = stateDirOnly ? file : new CompositeOwnershipRegistry(
            [file, new TxtRecordOwnershipRegistry(client, new OwnershipTxt(OwnershipTxt.DefaultPrefix, _owner))]);
        return new DnsReconciler(new Rfc2136Provider(client), registry, new DnsReconcilerOptions(adopt));
    }

    [Fact]
    public async Task Applied_records_are_served_by_BIND_with_an_ownership_marker_beside_each()
    {
        var nas = DnsRecordSet.Create(bind.UniqueName("nas"), DnsRecordType.A, 300, "10.0.0.5");
        var alias = DnsRecordSet.Create(bind.UniqueName("files"), DnsRecordType.CNAME, 300, nas.Name);

        await Reconciler().ApplyAsync([nas, alias], default);

        Assert.Equal(["10.0.0.5"], await bind.DigAsync(nas.Name, "A"));
        Assert.Equal([nas.Name], await bind.DigAsync(alias.Name, "CNAME"));
        Assert.Equal([$"\"heritage=homelabgate,owner={_owner},type=A\""], await bind.DigAsync($"_hg-owner.{nas.Name}", "TXT"));
    }

    [Fact]
    public async Task A_hand_made_record_next_to_managed_ones_survives_every_apply()
    {
        var nas = DnsRecordSet.Create(bind.UniqueName("nas"), DnsRecordType.A, 300, "10.0.0.5");
        await bind.NsUpdateAsync($"update add {nas.Name} 60 IN TXT \"hand-made\"");
        var reconciler = Reconciler();

        await reconciler.ApplyAsync([nas], default);
        await reconciler.ApplyAsync([nas with { Values = new RecordValues(["10.0.0.6"]) }], default);
        await reconciler.ApplyAsync([], default);

        Assert.Equal(["\"hand-made\""], await bind.DigAsync(nas.Name, "TXT"));
        Assert.Empty(await bind.DigAsync(nas.Name, "A"));
    }

    [Fact]
    public async Task A_change_made_with_nsupdate_is_detected_as_drift_and_the_next_apply_restores_it()
    {
        var nas = DnsRecordSet.Create(bind.UniqueName("nas"), DnsRecordType.A, 300, "10.0.0.5");
        var gone = DnsRecordSet.Create(bind.UniqueName("gone"), DnsRecordType.A, 300, "10.0.0.7");
        var reconciler = Reconciler();
        await reconciler.ApplyAsync([nas, gone], default);

        await bind.NsUpdateAsync($"update delete {nas.Name} A", $"update add {nas.Name} 300 IN A 10.6.6.6", $"update delete {gone.Name} A");
        var plan = await reconciler.PlanAsync([nas, gone], default);

        Assert.Equal(
            [(nas.Key, DnsDriftKind.ChangedOutOfBand), (gone.Key, DnsDriftKind.DeletedOutOfBand)],
            plan.Drift.Select(d => (d.Key, d.Kind)).OrderBy(d => d.Kind));
        await reconciler.ApplyAsync(plan, default);
        Assert.Equal(["10.0.0.5"], await bind.DigAsync(nas.Name, "A"));
        Assert.Equal(["10.0.0.7"], await bind.DigAsync(gone.Name, "A"));
    }

    [Fact]
    public async Task A_foreign_record_in_the_way_is_a_conflict_and_stays_unless_adopted()
    {
        var name = bind.UniqueName("legacy");
        await bind.NsUpdateAsync($"update add {name} 60 IN A 10.1.1.1");
        var desired = DnsRecordSet.Create(name, DnsRecordType.A, 300, "10.0.0.5");

        var result = await Reconciler().ApplyAsync([desired], default);
        Assert.Single(result.Plan.Conflicts);
        Assert.Equal(["10.1.1.1"], await bind.DigAsync(name, "A"));

        await Reconciler(adopt: true).ApplyAsync([desired], default);
        Assert.Equal(["10.0.0.5"], await bind.DigAsync(name, "A"));
    }

    [Fact]
    public async Task Ownership_survives_a_lost_state_dir_through_the_markers_in_the_zone()
    {
        var nas = DnsRecordSet.Create(bind.UniqueName("nas"), DnsRecordType.A, 300, "10.0.0.5");
        await Reconciler().ApplyAsync([nas], default);
        File.Delete(_state.Combine("dns-ownership.json"));

        await Reconciler().ApplyAsync([], default);

        Assert.Empty(await bind.DigAsync(nas.Name, "A"));
        Assert.Empty(await bind.DigAsync($"_hg-owner.{nas.Name}", "TXT"));
    }

    [Fact]
    public async Task Without_markers_a_lost_state_dir_leaves_the_record_alone_as_foreign()
    {
        var nas = DnsRecordSet.Create(bind.UniqueName("nas"), DnsRecordType.A, 300, "10.0.0.5");
        await Reconciler(stateDirOnly: true).ApplyAsync([nas], default);
        File.Delete(_state.Combine("dns-ownership.json"));

        await Reconciler(stateDirOnly: true).ApplyAsync([], default);

        Assert.Equal(["10.0.0.5"], await bind.DigAsync(nas.Name, "A"));
    }

    [Fact]
    public async Task A_desired_name_outside_the_zone_fails_the_apply_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() =>
            Reconciler().ApplyAsync([DnsRecordSet.Create("nas.elsewhere.test", DnsRecordType.A, 60, "10.0.0.1")], default));

        Assert.Contains("name outside zone", error.Message);
    }
}
