namespace HomelabGate.Core.Manifest;

public sealed record SettingsSpec
{
    public string? StateDir { get; set; }

    public ListenSpec? Listen { get; set; }

    public string? Admin { get; set; }

    public string? AdminToken { get; set; }

    public DefaultSiteSpec? DefaultSite { get; set; }

    public List<string>? TrustedProxies { get; set; }

    public bool? AccessLog { get; set; }

    public string? DnsOwnerId { get; set; }

    public string? DefaultCertificate { get; set; }

    public ClusterSpec? Cluster { get; set; }

    /// <summary>Status ("502") → a page file for every host, relative to the manifest's folder.</summary>
    public Dictionary<string, string>? ErrorPages { get; set; }

    public NotificationsSpec? Notifications { get; set; }
}

public sealed record ListenSpec
{
    public string? Http { get; set; }

    public string? Https { get; set; }
}

public sealed record DefaultSiteSpec
{
    public int? Status { get; set; }

    public string? Body { get; set; }

    public string? ContentType { get; set; }

    public string? Redirect { get; set; }

    public bool? Close { get; set; }
}
