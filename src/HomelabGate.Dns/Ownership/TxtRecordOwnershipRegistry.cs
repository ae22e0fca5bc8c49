using HomelabGate.Dns.Records;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Dns.Ownership;

/// <summary>Ownership kept in the zone as <see cref="OwnershipTxt"/> markers, so it survives a lost state dir.
/// Loading reads the markers with a TSIG-signed AXFR; saving adds or removes single marker values.</summary>
public sealed class TxtRecordOwnershipRegistry(Rfc2136Client client, OwnershipTxt markers, int markerTtl = 300) : IDnsOwnershipRegistry
{
    public async Task<IReadOnlyDictionary<DnsRecordKey, OwnedRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        var zone = await client.TransferZoneAsync(cancellationToken);
        return zone.SelectMany(markers.ClaimedKeys).Distinct().ToDictionary(k => k, k => new OwnedRecord(k, null));
    }

    public async Task SaveAsync(OwnershipUpdate update, CancellationToken cancellationToken)
    {
        var message = new Rfc2136Update();
        foreach (var key in update.Released)
        {
            message.DeleteValues(markers.Marker(key, 0));
        }
        foreach (var set in update.Claimed)
        {
            // Adding a value that exists is a no-op in RFC 2136, so re-claiming is safe.
            message.AddValues(markers.Marker(set.Key, markerTtl));
        }
        await client.UpdateAsync(message, cancellationToken);
    }
}
