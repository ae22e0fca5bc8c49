using System.Net;
using System.Net.Sockets;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.PiHole;

/// <summary>The <c>pihole</c> provider (Pi-hole v6): A/AAAA as "IP NAME" entries of <c>dns.hosts</c>, CNAMEs as
/// "NAME,TARGET" entries of <c>dns.cnameRecords</c>. Pi-hole has no TTLs on hosts, so none are managed.</summary>
public sealed class PiholeProvider(PiholeClient client) : IDnsProvider
{
    private const string Hosts = "hosts";
    private const string Cnames = "cnameRecords";

    public string Description => $"pihole {client.BaseAddress}";

    public DnsProviderCapabilities Capabilities { get; } =
        new(new HashSet<DnsRecordType> { DnsRecordType.A, DnsRecordType.AAAA, DnsRecordType.CNAME }, SupportsTtl: false);

    public async Task<IReadOnlyList<DnsRecordSet>> ObserveAsync(DnsObservationScope scope, CancellationToken cancellationToken)
    {
        await using var session = await client.LoginAsync(cancellationToken);
        var hosts = (await session.GetListAsync(Hosts, cancellationToken))
            .Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && IPAddress.TryParse(f[0], out _))
            .SelectMany(f => f.Skip(1).Select(name => (Name: DnsNames.Absolute(name), Address: IPAddress.Parse(f[0]))))
            .GroupBy(e => (e.Name, Type: e.Address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A))
            .Select(g => DnsRecordSet.Create(g.Key.Name, g.Key.Type, g.Select(e => e.Address.ToString()), 0));
        var cnames = (await session.GetListAsync(Cnames, cancellationToken))
            .Select(e => e.Split(','))
            .Where(f => f.Length >= 2)
            .GroupBy(f => DnsNames.Absolute(f[0]))
            .Select(g => DnsRecordSet.Create(g.Key, DnsRecordType.CNAME, g.Select(f => f[1]), 0));
        var all = hosts.Concat(cnames);
        return (scope.IsWholeZone ? all : all.Where(s => scope.Names!.Contains(s.Name))).ToList();
    }

    public async Task ApplyAsync(IReadOnlyList<DnsChange> changes, CancellationToken cancellationToken)
    {
        await using var session = await client.LoginAsync(cancellationToken);
        foreach (var change in changes)
        {
            var before = change.Before?.Values ?? RecordValues.Empty;
            var after = change.After?.Values ?? RecordValues.Empty;
            // Change value by value: deleting and re-adding unchanged entries would briefly make the name unresolvable.
            foreach (var value in before.Where(v => !after.Contains(v)))
            {
                await session.ChangeAsync(HttpMethod.Delete, Item(change.Key.Type), Entry(change.Key, value), cancellationToken);
            }
            foreach (var value in after.Where(v => !before.Contains(v)))
            {
                await session.ChangeAsync(HttpMethod.Put, Item(change.Key.Type), Entry(change.Key, value), cancellationToken);
            }
        }
    }

    private string Item(DnsRecordType type) => type switch
    {
        DnsRecordType.A or DnsRecordType.AAAA => Hosts,
        DnsRecordType.CNAME => Cnames,
        _ => throw new NotSupportedException($"{Description} cannot hold {type} records"),
    };

    private static string Entry(DnsRecordKey key, string value) => key.Type == DnsRecordType.CNAME
        ? $"{DnsNames.Relative(key.Name)},{DnsNames.Relative(value)}"
        : $"{value} {DnsNames.Relative(key.Name)}";
}
