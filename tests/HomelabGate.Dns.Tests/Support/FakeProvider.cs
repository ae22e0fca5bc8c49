using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>An in-memory provider for reconciler unit tests.</summary>
internal sealed class FakeProvider(params DnsRecordSet[] initial) : IDnsProvider
{
    public Dictionary<DnsRecordKey, DnsRecordSet> Records { get; } = initial.ToDictionary(r => r.Key);

    public string Description => "fake";

    public DnsProviderCapabilities Capabilities { get; } = new(new HashSet<DnsRecordType>(Enum.GetValues<DnsRecordType>()), true);

    public Task<IReadOnlyList<DnsRecordSet>> ObserveAsync(DnsObservationScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DnsRecordSet>>(Records.Values.Where(r => scope.IsWholeZone || scope.Names!.Contains(r.Name)).ToList());

    public Task ApplyAsync(IReadOnlyList<DnsChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            Records.Remove(change.Key);
            if (change.After is not null)
            {
                Records[change.Key] = change.After;
            }
        }
        return Task.CompletedTask;
    }
}
