using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>Converts between our record sets and ARSoft's wire records.</summary>
internal static class ArsoftRecords
{
    // A TXT character-string holds at most 255 bytes; longer values are split into several strings.
    private const int TxtChunk = 255;

    public static DomainName Name(string name) => DomainName.Parse(DnsNames.Relative(name));

    public static RecordType Type(DnsRecordType type) => type switch
    {
        DnsRecordType.A => RecordType.A,
        DnsRecordType.AAAA => RecordType.Aaaa,
        DnsRecordType.CNAME => RecordType.CName,
        DnsRecordType.TXT => RecordType.Txt,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no such record type"),
    };

    public static DnsRecordType? FromType(RecordType type) => type switch
    {
        RecordType.A => DnsRecordType.A,
        RecordType.Aaaa => DnsRecordType.AAAA,
        RecordType.CName => DnsRecordType.CNAME,
        RecordType.Txt => DnsRecordType.TXT,
        _ => null,
    };

    public static DnsRecordBase Record(string name, DnsRecordType type, int ttl, string value) => type switch
    {
        DnsRecordType.A => new ARecord(Name(name), ttl, IPAddress.Parse(value)),
        DnsRecordType.AAAA => new AaaaRecord(Name(name), ttl, IPAddress.Parse(value)),
        DnsRecordType.CNAME => new CNameRecord(Name(name), ttl, Name(value)),
        _ => new TxtRecord(Name(name), ttl, value.Chunk(TxtChunk).Select(c => new string(c)).DefaultIfEmpty(string.Empty)),
    };

    public static IEnumerable<DnsRecordBase> Records(DnsRecordSet set) =>
        set.Values.Select(v => Record(set.Name, set.Type, set.Ttl, v));

    /// <summary>Groups wire records into record sets, keeping only the types we manage.</summary>
    public static IReadOnlyList<DnsRecordSet> ToRecordSets(IEnumerable<DnsRecordBase> records) =>
        records
            .Select(r => (Record: r, Type: FromType(r.RecordType)))
            .Where(x => x.Type is not null)
            .GroupBy(x => (Name: DnsNames.Absolute(x.Record.Name.ToString()), Type: x.Type!.Value))
            .Select(g => DnsRecordSet.Create(g.Key.Name, g.Key.Type, g.Select(x => Value(x.Record)), g.Min(x => x.Record.TimeToLive)))
            .ToList();

    private static string Value(DnsRecordBase record) => record switch
    {
        AddressRecordBase address => address.Address.ToString(),
        CNameRecord cname => cname.CanonicalName.ToString(),
        TextRecordBase text => string.Concat(text.TextParts),
        _ => record.ToString(),
    };
}
