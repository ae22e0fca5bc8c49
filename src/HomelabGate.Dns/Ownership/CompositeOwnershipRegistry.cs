using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>Several registries as one: a record is ours if any of them says so (the state-dir file may be lost,
/// the zone markers survive), and every change is written to all of them.</summary>
public sealed class CompositeOwnershipRegistry(IReadOnlyList<IDnsOwnershipRegistry> registries) : IDnsOwnershipRegistry
{
    public async Task<IReadOnlyDictionary<DnsRecordKey, OwnedRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        var merged = new Dictionary<DnsRecordKey, OwnedRecord>();
        foreach (var registry in registries)
        {
            foreach (var (key, owned) in await registry.LoadAsync(cancellationToken))
            {
                // Keep the entry that knows what was last applied.
                if (!merged.TryGetValue(key, out var existing) || existing.LastApplied is null)
                {
                    merged[key] = owned.LastApplied is null && existing is not null ? existing : owned;
                }
            }
        }
        return merged;
    }

    public async Task SaveAsync(OwnershipUpdate update, CancellationToken cancellationToken)
    {
        foreach (var registry in registries)
        {
            await registry.SaveAsync(update, cancellationToken);
        }
    }
}
