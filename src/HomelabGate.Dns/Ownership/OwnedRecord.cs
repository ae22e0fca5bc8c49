using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>A record set HomelabGate created. <paramref name="LastApplied"/> is what it last wrote, when the
/// registry knows it (the JSON file does; ownership TXT records do not), and lets drift tell "changed out of band"
/// apart from "the manifest changed".</summary>
public sealed record OwnedRecord(DnsRecordKey Key, DnsRecordSet? LastApplied);
