namespace HomelabGate.Dns.Records;

/// <summary>One RRset as HomelabGate sees it. Build it with <see cref="Create"/> so that the name is absolute
/// and lower-case and the values are normalized and sorted; equality is by content.</summary>
public sealed record DnsRecordSet(string Name, DnsRecordType Type, RecordValues Values, int Ttl)
{
    public DnsRecordKey Key => new(Name, Type);

    public static DnsRecordSet Create(string name, DnsRecordType type, IEnumerable<string> values, int ttl) =>
        new(DnsNames.Absolute(name), type, new RecordValues(values.Select(v => DnsNames.NormalizeValue(type, v))), ttl);

    public static DnsRecordSet Create(string name, DnsRecordType type, int ttl, params string[] values) =>
        Create(name, type, values, ttl);

    public DnsRecordSet WithTtl(int ttl) => this with { Ttl = ttl };

    public override string ToString() => $"{Name} {Ttl} {Type} [{Values}]";
}
