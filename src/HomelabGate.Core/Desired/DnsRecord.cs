namespace HomelabGate.Core.Desired;

/// <summary>An RRset: all values of one type at one name. Identity is (type, name), so a changed address is an update.</summary>
public sealed record DnsRecord : Resource
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public required ValueList<string> Values { get; init; }

    public int Ttl { get; set; } = 300;

    public bool Adopt { get; init; }

    public override ResourceId Id => new(ResourceKind.DnsRecord, $"{Type} {Name}");

    public override string Summary => string.Join(", ", Values);
}
