namespace HomelabGate.Core.Desired;

/// <summary>The gateway-wide settings: listeners, the default site and whom to believe about client IPs.</summary>
public sealed record GatewaySettings : Resource
{
    public const string DefaultHttp = "0.0.0.0:8080";
    public const string DefaultAdmin = "127.0.0.1:9180";

    public string? HttpListen { get; set; } = DefaultHttp;

    public string? HttpsListen { get; init; }

    public string AdminListen { get; set; } = DefaultAdmin;

    [Sensitive]
    public string? AdminToken { get; init; }

    public DefaultSite DefaultSite { get; set; } = DefaultSite.NotFound;

    public ValueList<string> TrustedProxies { get; set; } = ValueList<string>.Empty;

    public bool AccessLog { get; set; } = true;

    public string? DefaultCertificate { get; init; }

    public DnsProviderSettings? Dns { get; init; }

    public NotificationSettings? Notifications { get; init; }

    /// <summary>TCP forwards; bound at start with the other listeners.</summary>
    public ValueList<TcpStream> Streams { get; set; } = ValueList<TcpStream>.Empty;

    /// <summary>Null: one node, state in the state directory.</summary>
    public ClusterSettings? Cluster { get; init; }

    public override ResourceId Id => new(ResourceKind.Settings, "gateway");
}

/// <summary>What unknown host names get: a status page, a redirect, or a closed connection.</summary>
public sealed record DefaultSite(int Status, string Body, string ContentType, string? RedirectTo, bool Close)
{
    public static DefaultSite NotFound { get; } = new(404, "", "text/html; charset=utf-8", null, false);
}
