namespace HomelabGate.Dns.Records;

/// <summary>The record types HomelabGate manages. Anything else in a zone is observed as foreign and left alone.</summary>
public enum DnsRecordType
{
    A,
    AAAA,
    CNAME,
    TXT,
}
