using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>Remembers which record sets HomelabGate created, so it never changes or deletes anyone else's.</summary>
public interface IDnsOwnershipRegistry
{
    Task<IReadOnlyDictionary<DnsRecordKey, OwnedRecord>> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(OwnershipUpdate update, CancellationToken cancellationToken);
}
