namespace HomelabGate.Core.Desired;

/// <summary>Kinds in apply order: DNS first (names must resolve for ACME and clients), then certificates, then the proxy.
/// Deletes run in the reverse order.</summary>
public enum ResourceKind
{
    DnsRecord,
    Issuer,
    Certificate,
    Settings,
    Upstream,
    AccessList,
    Host,
}
