using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Providers;

/// <summary>One change to one RRset (Terraform's Change{Action, Before, After}): Create has only After,
/// Delete only Before, Update both.</summary>
public sealed record DnsChange(DnsChangeAction Action, DnsRecordSet? Before, DnsRecordSet? After)
{
    public DnsRecordKey Key => (After ?? Before ?? throw new InvalidOperationException("a change needs a record set")).Key;

    public static DnsChange Create(DnsRecordSet after) => new(DnsChangeAction.Create, null, after);

    public static DnsChange Update(DnsRecordSet before, DnsRecordSet after) => new(DnsChangeAction.Update, before, after);

    public static DnsChange Delete(DnsRecordSet before) => new(DnsChangeAction.Delete, before, null);

    public override string ToString() => Action switch
    {
        DnsChangeAction.Create => $"+ {After}",
        DnsChangeAction.Delete => $"- {Before}",
        _ => $"~ {Before} -> {After}",
    };
}
