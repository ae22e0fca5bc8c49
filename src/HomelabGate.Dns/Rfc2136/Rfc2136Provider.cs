using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>The <c>rfc2136</c> provider: any server that accepts TSIG-signed dynamic updates (BIND, Knot,
/// PowerDNS, Technitium). All changes of one apply go in one UPDATE, so they succeed or fail together, and each
/// carries a prerequisite so a record changed since it was observed is not overwritten.</summary>
public sealed class Rfc2136Provider(Rfc2136Client client) : IDnsProvider
{
    public string Description => $"rfc2136 {client.Options.ServerText} zone {client.Options.Zone}";

    public DnsProviderCapabilities Capabilities { get; } =
        new(new HashSet<DnsRecordType>(Enum.GetValues<DnsRecordType>()), SupportsTtl: true);

    public async Task<IReadOnlyList<DnsRecordSet>> ObserveAsync(DnsObservationScope scope, CancellationToken cancellationToken)
    {
        if (scope.IsWholeZone)
        {
            return await client.TransferZoneAsync(cancellationToken);
        }
        var sets = new List<DnsRecordSet>();
        foreach (var name in scope.Names!.Where(n => DnsNames.IsInZone(n, client.Options.Zone)))
        {
            sets.AddRange(await client.QueryNameAsync(name, cancellationToken));
        }
        return sets;
    }

    public Task ApplyAsync(IReadOnlyList<DnsChange> changes, CancellationToken cancellationToken)
    {
        var update = new Rfc2136Update();
        foreach (var change in changes)
        {
            _ = change.Action switch
            {
                DnsChangeAction.Create => update.RequireAbsent(change.Key).AddValues(change.After!),
                DnsChangeAction.Update => update.RequireExactly(change.Before!).ReplaceSet(change.After!),
                _ => update.RequireExactly(change.Before!).DeleteSet(change.Key),
            };
        }
        return client.UpdateAsync(update, cancellationToken);
    }
}
