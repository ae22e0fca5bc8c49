using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Ownership;

public sealed class JsonOwnershipRegistryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Claimed_records_are_loaded_back_with_what_was_last_applied()
    {
        var nas = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5");
        var registry = new JsonOwnershipRegistry(_dir.Combine("dns-ownership.json"), "lab1");

        await registry.SaveAsync(new OwnershipUpdate([nas], []), default);
        var loaded = await new JsonOwnershipRegistry(_dir.Combine("dns-ownership.json"), "lab1").LoadAsync(default);

        Assert.Equal(nas, loaded[nas.Key].LastApplied);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Released_records_are_forgotten()
    {
        var nas = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 300, "10.0.0.5");
        var registry = new JsonOwnershipRegistry(_dir.Combine("o.json"), "lab1");
        await registry.SaveAsync(new OwnershipUpdate([nas], []), default);

        await registry.SaveAsync(new OwnershipUpdate([], [nas.Key]), default);

        Assert.Empty(await registry.LoadAsync(default));
    }

    [Fact]
    public async Task A_file_of_another_owner_is_refused_rather_than_trusted()
    {
        await new JsonOwnershipRegistry(_dir.Combine("o.json"), "lab1")
            .SaveAsync(new OwnershipUpdate([DnsRecordSet.Create("a.home.test", DnsRecordType.A, 1, "10.0.0.1")], []), default);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new JsonOwnershipRegistry(_dir.Combine("o.json"), "lab2").LoadAsync(default));

        Assert.Contains("belongs to owner 'lab1', not 'lab2'", error.Message);
    }
}
