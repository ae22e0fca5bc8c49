namespace HomelabGate.Core.Validation.Rules;

/// <summary>Which record types each <c>dns.provider.type</c> can hold. The providers in HomelabGate.Dns declare the same
/// in their capabilities; a test keeps the two equal.</summary>
public static class DnsProviderTypes
{
    public static IReadOnlyList<string> Supported(string providerType) => providerType switch
    {
        "rfc2136" => ["A", "AAAA", "CNAME", "TXT"],
        "pihole" => ["A", "AAAA", "CNAME"],
        "hosts-file" => ["A", "AAAA"],
        _ => [],
    };
}
