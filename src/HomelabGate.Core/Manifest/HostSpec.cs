namespace HomelabGate.Core.Manifest;

public sealed record HostSpec
{
    public List<string> Domains { get; init; } = [];

    public string? Upstream { get; init; }

    public string? To { get; init; }

    public RespondSpec? Respond { get; init; }

    public RedirectSpec? Redirect { get; init; }

    public string? Certificate { get; init; }

    public string? AccessList { get; init; }

    public bool? ForceHttps { get; init; }

    public HstsSpec? Hsts { get; init; }

    public List<LocationSpec>? Locations { get; init; }

    public HeadersSpec? Headers { get; init; }

    public bool? SecurityHeaders { get; init; }

    public string? ContentSecurityPolicy { get; init; }

    public bool? PreserveHost { get; init; }

    public ForwardAuthSpec? ForwardAuth { get; init; }

    public RateLimitSpec? RateLimit { get; init; }

    public string? MaxBodySize { get; init; }

    public bool? Compression { get; init; }

    public string? Timeout { get; init; }

    /// <summary>Active health checks for the pool made from <see cref="To"/> (a named pool has its own).</summary>
    public HealthCheckSpec? HealthCheck { get; init; }

    /// <summary>Status ("502") → a page file, relative to the manifest's folder; overrides <c>settings.errorPages</c>.</summary>
    public Dictionary<string, string>? ErrorPages { get; init; }
}

public sealed record RespondSpec
{
    public int? Status { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }
}

public sealed record RedirectSpec
{
    public string To { get; init; } = "";

    public int? Status { get; init; }

    public bool? PreservePath { get; init; }
}

/// <summary><c>hsts: true</c> or <c>hsts: { maxAge, includeSubDomains, preload }</c>.</summary>
public sealed record HstsSpec
{
    public bool Enabled { get; init; } = true;

    public string? MaxAge { get; init; }

    public bool? IncludeSubDomains { get; init; }

    public bool? Preload { get; init; }
}

public sealed record LocationSpec
{
    public string Path { get; init; } = "";

    public string? Upstream { get; init; }

    public string? To { get; init; }

    public bool? StripPrefix { get; init; }
}

public sealed record HeadersSpec
{
    public HeaderOperationsSpec? Request { get; init; }

    public HeaderOperationsSpec? Response { get; init; }
}

public sealed record HeaderOperationsSpec
{
    public Dictionary<string, string>? Add { get; init; }

    public List<string>? Remove { get; init; }
}

public sealed record ForwardAuthSpec
{
    public string Url { get; init; } = "";

    public List<string>? CopyHeaders { get; init; }
}

public sealed record RateLimitSpec
{
    public int Requests { get; init; }

    public string? Window { get; init; }
}
