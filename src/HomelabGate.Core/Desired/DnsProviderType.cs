namespace HomelabGate.Core.Desired;

/// <summary><c>dns.provider.type</c>. Serialized kebab-case, as the manifest spells it.</summary>
public enum DnsProviderType
{
    Rfc2136,
    Pihole,
    HostsFile,
}

public static class DnsProviderTypeNames
{
    /// <summary>As the manifest spells it: "rfc2136", "pihole", "hosts-file".</summary>
    public static string ManifestName(this DnsProviderType type) => type switch
    {
        DnsProviderType.Rfc2136 => "rfc2136",
        DnsProviderType.Pihole => "pihole",
        DnsProviderType.HostsFile => "hosts-file",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
