namespace HomelabGate.Core.Manifest;

public sealed record SettingsSpec
{
    public string? StateDir { get; init; }

    public ListenSpec? Listen { get; init; }

    public string? Admin { get; init; }

    public string? AdminToken { get; init; }

    public DefaultSiteSpec? DefaultSite { get; init; }

    public List<string>? TrustedProxies { get; init; }

    public bool? AccessLog { get; init; }

    public string? DnsOwnerId { get; init; }

    public string? DefaultCertificate { get; init; }

    public ClusterSpec? Cluster { get; init; }

    /// <summary>Status ("502") → a page file for every host, relative to the manifest's folder.</summary>
    public Dictionary<string, string>? ErrorPages { get; init; }

    public NotificationsSpec? Notifications { get; init; }
}

public sealed record ListenSpec
{
    public string? Http { get; init; }

    public string? Https { get; init; }
}

public sealed record DefaultSiteSpec
{
    public int? Status { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public string? Redirect { get; init; }

    public bool? Close { get; init; }
}
