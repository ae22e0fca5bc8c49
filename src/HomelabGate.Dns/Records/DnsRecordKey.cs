namespace HomelabGate.Dns.Records;

/// <summary>Identifies one RRset: an absolute lower-case name (trailing dot) and a type.</summary>
public sealed record DnsRecordKey(string Name, DnsRecordType Type)
{
    public override string ToString() => $"{Name} {Type}";
}
