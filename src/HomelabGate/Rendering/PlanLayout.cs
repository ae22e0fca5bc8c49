using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>Arranges a plan for reading: a host's entry carries its inline pools (shown as its <c>to:</c>) and the DNS
/// records of its domains; every other change is an entry of its own. A new resource shows only what differs from the
/// defaults (and not what its heading already says); a change shows what changed; a removal shows nothing more. The
/// order is the plan's: creates and changes first, removals last.</summary>
public sealed class PlanLayout(AttributeDefaults defaults)
{
    public IReadOnlyList<PlanItem> Items(Plan plan)
    {
        var hosts = plan.Changes.Where(c => c.Id.Kind == ResourceKind.Host).ToDictionary(c => c.Id.Name, StringComparer.Ordinal);
        var pools = new Dictionary<string, List<(ResourceChange Change, string Key)>>(StringComparer.Ordinal);
        var records = new Dictionary<string, List<ResourceChange>>(StringComparer.Ordinal);
        var alone = new List<ResourceChange>();
        foreach (var change in plan.Changes)
        {
            if (HostView.Owner(change) is { } owner)
            {
                Add(pools, owner.Host, (change, owner.Key));
            }
            else if (change.Id.Kind == ResourceKind.DnsRecord && RecordOwner(change, hosts.Values) is { } host)
            {
                Add(records, host, change);
            }
            else if (change.Id.Kind != ResourceKind.Host)
            {
                alone.Add(change);
            }
        }
        var items = alone.Select(Single).ToList();
        foreach (var name in hosts.Keys.Union(pools.Keys))
        {
            items.Add(Host(name, hosts.GetValueOrDefault(name), pools.GetValueOrDefault(name) ?? [], records.GetValueOrDefault(name) ?? []));
        }
        return [.. items.Where(i => i.Action != ChangeAction.Delete).OrderBy(i => i.Id),
            .. items.Where(i => i.Action == ChangeAction.Delete).OrderByDescending(i => i.Id)];
    }

    private PlanItem Single(ResourceChange change)
    {
        var before = Shown(change.Before);
        var after = Shown(change.After);
        return new PlanItem(change.Id, change.Action, (change.After ?? change.Before)?.Summary, change.Reason,
            Lines(change.Action, before, after), [], [change]);
    }

    private PlanItem Host(string name, ResourceChange? host, List<(ResourceChange Change, string Key)> pools, List<ResourceChange> records)
    {
        var action = host?.Action ?? ChangeAction.Update;
        // An inline pool's own settings are ours, not the user's: only those a later feature sets show, on either side.
        var before = HostView.Attributes(host?.Before as ProxyHost, Side(pools, c => c.Before)).Where(a => !IsPoolDefault(a)).ToList();
        var after = HostView.Attributes(host?.After as ProxyHost, Side(pools, c => c.After)).Where(a => !IsPoolDefault(a)).ToList();
        var reason = host is { Action: ChangeAction.Create or ChangeAction.Delete }
            ? host.Reason
            : ChangeReasons.Changed([.. (host is { Before: { } b, After: { } a } ? ResourceAttributes.ChangedPaths(b, a) : [])
                .Concat(pools.Select(p => p.Key.StartsWith("locations", StringComparison.Ordinal) ? "locations" : p.Key)).Distinct(StringComparer.Ordinal)]);
        return new PlanItem(new ResourceId(ResourceKind.Host, name), action, (host?.After ?? host?.Before)?.Summary, reason,
            Lines(action, before, after), records, [.. pools.Select(p => p.Change), .. records, .. host is null ? [] : new[] { host }]);
    }

    private static IReadOnlyList<(UpstreamPool, string)> Side(List<(ResourceChange Change, string Key)> pools, Func<ResourceChange, Resource?> side) =>
        [.. pools.Where(p => side(p.Change) is UpstreamPool).Select(p => ((UpstreamPool)side(p.Change)!, p.Key))];

    private static IReadOnlyList<ShownAttribute> Shown(Resource? resource) =>
        resource is null ? [] : [.. ResourceAttributes.Flatten(resource).Select(a => new ShownAttribute(a.Key, a.Value, resource, a.Key))];

    private List<string> Lines(ChangeAction action, IReadOnlyList<ShownAttribute> before, IReadOnlyList<ShownAttribute> after)
    {
        switch (action)
        {
            case ChangeAction.Create:
                return [.. after.Where(a => !Hidden(a)).Select(a => $"{a.Key} = {a.Value}")];
            case ChangeAction.Delete or ChangeAction.Renew:
                return [];
            case ChangeAction.Update or ChangeAction.Replace:
                var old = before.ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);
                var lines = new List<string>();
                foreach (var a in after)
                {
                    if (!old.Remove(a.Key, out var was))
                    {
                        lines.Add($"+ {a.Key} = {a.Value}");
                    }
                    else if (was != a.Value)
                    {
                        lines.Add($"~ {a.Key}: {was} → {a.Value}");
                    }
                }
                lines.AddRange(old.Select(b => $"- {b.Key} = {b.Value}"));
                return lines;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private bool IsPoolDefault(ShownAttribute attribute) =>
        attribute.Origin is UpstreamPool pool && defaults.IsDefault(pool, attribute.OriginKey, attribute.Value);

    /// <summary>At its default, or already in the entry's heading (a host's domains, a record's type and values, a
    /// certificate's issuer and names, an issuer's type and directory).</summary>
    private bool Hidden(ShownAttribute attribute) => attribute.Origin is { } origin
        && (defaults.IsDefault(origin, attribute.OriginKey, attribute.Value) || InHeading(origin, attribute.OriginKey));

    private static bool InHeading(Resource resource, string key) => resource.Id.Kind switch
    {
        ResourceKind.Host => key == "domains",
        ResourceKind.DnsRecord => key is "type" or "values",
        ResourceKind.Certificate => key is "issuer" or "domains",
        ResourceKind.Issuer => key is "type" or "directory",
        ResourceKind.Settings or ResourceKind.Upstream or ResourceKind.AccessList => false,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource.Id.Kind, null),
    };

    /// <summary>The host whose domains include the record's name, among the hosts this plan changes.</summary>
    private static string? RecordOwner(ResourceChange record, IEnumerable<ResourceChange> hosts) =>
        (record.After ?? record.Before) is DnsRecord dns
            ? hosts.FirstOrDefault(h => (h.After ?? h.Before) is ProxyHost host && host.Domains.Contains(dns.Name))?.Id.Name
            : null;

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
