namespace HomelabGate.Core.Manifest;

public sealed record HostSpec
{
    public List<string> Domains { get; set; } = [];

    public string? Upstream { get; set; }

    public string? To { get; set; }

    public RespondSpec? Respond { get; set; }

    public RedirectSpec? Redirect { get; set; }

    public string? Certificate { get; set; }

    public string? AccessList { get; set; }

    public bool? ForceHttps { get; set; }

    public HstsSpec? Hsts { get; set; }

    public List<LocationSpec>? Locations { get; set; }

    public HeadersSpec? Headers { get; set; }

    public bool? SecurityHeaders { get; set; }

    public string? ContentSecurityPolicy { get; set; }

    public bool? PreserveHost { get; set; }

    public ForwardAuthSpec? ForwardAuth { get; set; }

    public RateLimitSpec? RateLimit { get; set; }

    public string? MaxBodySize { get; set; }

    public bool? Compression { get; set; }

    public string? Timeout { get; set; }

    /// <summary>Active health checks for the pool made from <see cref="To"/> (a named pool has its own).</summary>
    public HealthCheckSpec? HealthCheck { get; set; }

    /// <summary>Status ("502") → a page file, relative to the manifest's folder; overrides <c>settings.errorPages</c>.</summary>
    public Dictionary<string, string>? ErrorPages { get; set; }
}

public sealed record RespondSpec
{
    public int? Status { get; set; }

    public string? Body { get; set; }

    public string? ContentType { get; set; }
}

public sealed record RedirectSpec
{
    public string To { get; set; } = "";

    public int? Status { get; set; }

    public bool? PreservePath { get; set; }
}

/// <summary><c>hsts: true</c> or <c>hsts: { maxAge, includeSubDomains, preload }</c>.</summary>
public sealed record HstsSpec
{
    public bool Enabled { get; set; } = true;

    public string? MaxAge { get; set; }

    public bool? IncludeSubDomains { get; set; }

    public bool? Preload { get; set; }
}

public sealed record LocationSpec
{
    public string Path { get; set; } = "";

    public string? Upstream { get; set; }

    public string? To { get; set; }

    public bool? StripPrefix { get; set; }
}

public sealed record HeadersSpec
{
    public HeaderOperationsSpec? Request { get; set; }

    public HeaderOperationsSpec? Response { get; set; }
}

public sealed record HeaderOperationsSpec
{
    public Dictionary<string, string>? Add { get; set; }

    public List<string>? Remove { get; set; }
}

public sealed record ForwardAuthSpec
{
    public string Url { get; set; } = "";

    public List<string>? CopyHeaders { get; set; }
}

public sealed record RateLimitSpec
{
    public int Requests { get; set; }

    public string? Window { get; set; }
}
