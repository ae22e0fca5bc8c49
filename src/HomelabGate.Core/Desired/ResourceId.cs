namespace HomelabGate.Core.Desired;

/// <summary>A typed resource identity; prints as users read it in a plan: "host jellyfin", "dns A nas.home.test".</summary>
public readonly record struct ResourceId(ResourceKind Kind, string Name) : IComparable<ResourceId>
{
    public string KindLabel => Kind switch
    {
        ResourceKind.DnsRecord => "dns",
        ResourceKind.AccessList => "access-list",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public int CompareTo(ResourceId other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Name, other.Name);
    }

    public override string ToString() => $"{KindLabel} {Name}";
}
