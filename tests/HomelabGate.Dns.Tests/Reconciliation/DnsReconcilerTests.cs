using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Reconciliation;

public sealed class DnsReconcilerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Applying_twice_changes_nothing_the_second_time()
    {
        var provider = new FakeProvider();
        var reconciler = new DnsReconciler(provider, new JsonOwnershipRegistry(_dir.Combine("o.json"), "lab"), new DnsReconcilerOptions());
        DnsRecordSet[] desired = [DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5")];

        await reconciler.ApplyAsync(desired, default);
        var second = await reconciler.PlanAsync(desired, default);

        Assert.False(second.HasChanges);
        Assert.Equal(desired[0], provider.Records[desired[0].Key]);
    }

    [Fact]
    public async Task Removing_a_record_from_the_manifest_deletes_it_only_because_it_was_created_by_us()
    {
        var foreign = DnsRecordSet.Create("printer.home.test", DnsRecordType.A, 60, "10.0.0.9");
        var provider = new FakeProvider(foreign);
        var reconciler = new DnsReconciler(provider, new JsonOwnershipRegistry(_dir.Combine("o.json"), "lab"), new DnsReconcilerOptions());
        var nas = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5");
        await reconciler.ApplyAsync([nas], default);

        await reconciler.ApplyAsync([], default);

        Assert.Equal([foreign], provider.Records.Values);
    }
}
