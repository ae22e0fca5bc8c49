using HomelabGate.Core.Engine;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>A managed record that someone changed or deleted outside HomelabGate (the next apply restores it).</summary>
public sealed record DnsDrift(DnsRecordKey Key, DnsDriftKind Kind, DnsRecordSet? Expected, DnsRecordSet? Observed)
{
    public override string ToString() => Kind == DnsDriftKind.DeletedOutOfBand
        ? $"{Key}: deleted out of band (expected {Expected?.ToString() ?? "it to exist"})"
        : $"{Key}: changed out of band (expected {Expected}, found {Observed})";
}
