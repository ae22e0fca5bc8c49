namespace HomelabGate.Core.Desired;

/// <summary>Where the manifest's DNS records live: an RFC 2136 server, a Pi-hole, or a hosts file.</summary>
public sealed record DnsProviderSettings
{
    public required DnsProviderType Type { get; init; }

    public string? Server { get; init; }

    public string? Zone { get; init; }

    public TsigKeySpec? Tsig { get; init; }

    public string? Url { get; init; }

    [Sensitive]
    public string? Password { get; init; }

    public string? Path { get; init; }

    public string? ReloadCommand { get; init; }

    /// <summary>Written into ownership records, so two HomelabGates sharing a zone never touch each other's records.</summary>
    public string OwnerId { get; set; } = "homelabgate";
}
