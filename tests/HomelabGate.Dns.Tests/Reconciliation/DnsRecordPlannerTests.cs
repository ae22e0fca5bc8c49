using HomelabGate.Core.Engine;
using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Tests.Reconciliation;

public sealed class DnsRecordPlannerTests
{
    private static readonly DnsRecordSet Nas = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5");
    private static readonly DnsRecordSet NasMoved = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.6");

    private static Dictionary<DnsRecordKey, OwnedRecord> Owned(params DnsRecordSet[] sets) =>
        sets.ToDictionary(s => s.Key, s => new OwnedRecord(s.Key, s));

    [Fact]
    public void A_desired_record_that_does_not_exist_is_created()
    {
        var plan = DnsRecordPlanner.Plan([Nas], [], Owned(), adopt: false);

        Assert.Equal([DnsChange.Create(Nas)], plan.Changes);
        Assert.Equal("Plan: 1 to add, 0 to change, 0 to destroy.", plan.Summary);
    }

    [Fact]
    public void Equal_record_sets_with_values_in_another_order_plan_no_change()
    {
        var desired = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.2", "10.0.0.1");
        var observed = DnsRecordSet.Create("NAS.home.test.", DnsRecordType.A, 300, "10.0.0.1", "10.0.0.2");

        var plan = DnsRecordPlanner.Plan([desired], [observed], Owned(observed), adopt: false);

        Assert.Empty(plan.Changes);
        Assert.Equal("No changes. DNS records match the configuration.", plan.Summary);
    }

    [Fact]
    public void An_owned_record_with_other_values_is_updated()
    {
        var plan = DnsRecordPlanner.Plan([NasMoved], [Nas], Owned(Nas), adopt: false);

        Assert.Equal([DnsChange.Update(Nas, NasMoved)], plan.Changes);
        Assert.Empty(plan.Drift);
    }

    [Fact]
    public void A_foreign_record_in_the_way_is_a_conflict_and_is_left_alone()
    {
        var plan = DnsRecordPlanner.Plan([NasMoved], [Nas], Owned(), adopt: false);

        Assert.Empty(plan.Changes);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(Nas, conflict.Existing);
        Assert.Contains("did not create", conflict.Reason);
        Assert.Contains("set adopt", conflict.Reason);
    }

    [Fact]
    public void With_adopt_a_foreign_record_in_the_way_is_updated()
    {
        var plan = DnsRecordPlanner.Plan([NasMoved], [Nas], Owned(), adopt: true);

        Assert.Equal([DnsChange.Update(Nas, NasMoved)], plan.Changes);
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void With_adopt_a_foreign_record_equal_to_the_desired_one_is_claimed_without_a_change()
    {
        var plan = DnsRecordPlanner.Plan([Nas], [Nas], Owned(), adopt: true);

        Assert.Empty(plan.Changes);
        Assert.Equal([Nas], plan.Adopted);
    }

    [Fact]
    public void An_owned_record_no_longer_desired_is_deleted_but_a_foreign_one_is_not()
    {
        var foreign = DnsRecordSet.Create("printer.home.test", DnsRecordType.A, 60, "10.0.0.9");

        var plan = DnsRecordPlanner.Plan([], [Nas, foreign], Owned(Nas), adopt: false);

        Assert.Equal([DnsChange.Delete(Nas)], plan.Changes);
    }

    [Fact]
    public void An_owned_record_changed_out_of_band_is_drift_and_is_restored()
    {
        var plan = DnsRecordPlanner.Plan([Nas], [NasMoved], Owned(Nas), adopt: false);

        var drift = Assert.Single(plan.Drift);
        Assert.Equal(DnsDriftKind.ChangedOutOfBand, drift.Kind);
        Assert.Equal(NasMoved, drift.Observed);
        Assert.Equal([DnsChange.Update(NasMoved, Nas)], plan.Changes);
    }

    [Fact]
    public void An_owned_record_deleted_out_of_band_is_drift_and_is_recreated()
    {
        var plan = DnsRecordPlanner.Plan([Nas], [], Owned(Nas), adopt: false);

        Assert.Equal(DnsDriftKind.DeletedOutOfBand, Assert.Single(plan.Drift).Kind);
        Assert.Equal([DnsChange.Create(Nas)], plan.Changes);
    }

    [Fact]
    public void A_changed_manifest_is_not_drift()
    {
        // Observed equals what was last applied; only the desired state moved.
        var plan = DnsRecordPlanner.Plan([NasMoved], [Nas], Owned(Nas), adopt: false);

        Assert.Empty(plan.Drift);
    }

    [Fact]
    public void An_owned_record_that_is_gone_and_no_longer_desired_is_released()
    {
        var plan = DnsRecordPlanner.Plan([], [], Owned(Nas), adopt: false);

        Assert.Empty(plan.Changes);
        Assert.Equal([Nas.Key], plan.Released);
    }

    [Fact]
    public void A_CNAME_next_to_a_foreign_A_record_is_a_conflict()
    {
        var alias = DnsRecordSet.Create("nas.home.test", DnsRecordType.CNAME, 300, "storage.home.test");

        var plan = DnsRecordPlanner.Plan([alias], [Nas], Owned(), adopt: false);

        Assert.Empty(plan.Changes);
        Assert.Contains("a CNAME cannot share its name", Assert.Single(plan.Conflicts).Reason);
    }

    [Fact]
    public void Replacing_an_owned_A_record_by_a_CNAME_deletes_before_it_creates()
    {
        var alias = DnsRecordSet.Create("nas.home.test", DnsRecordType.CNAME, 300, "storage.home.test");

        var plan = DnsRecordPlanner.Plan([alias], [Nas], Owned(Nas), adopt: false);

        Assert.Equal([DnsChange.Delete(Nas), DnsChange.Create(alias)], plan.Changes);
    }

    [Fact]
    public void A_record_desired_twice_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DnsRecordPlanner.Plan([Nas, NasMoved], [], Owned(), adopt: false));

        Assert.Contains("nas.home.test. A is desired more than once", error.Message);
    }
}
