namespace HomelabGate.Core.Desired;

/// <summary><c>dns.provider.type</c>. Serialized kebab-case, as the manifest spells it.</summary>
public enum DnsProviderType
{
    Rfc2136,
    Pihole,
    HostsFile,
}
