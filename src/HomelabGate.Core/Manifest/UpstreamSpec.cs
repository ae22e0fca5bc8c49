namespace HomelabGate.Core.Manifest;

public sealed record UpstreamSpec
{
    public List<TargetSpec> Targets { get; set; } = [];

    public string? LoadBalancing { get; set; }

    public HealthCheckSpec? HealthCheck { get; set; }

    public PassiveHealthSpec? PassiveHealth { get; set; }

    public StickySpec? Sticky { get; set; }

    public TimeoutsSpec? Timeouts { get; set; }

    public UpstreamTlsSpec? Tls { get; set; }
}

/// <summary>A target written as a bare URL string or as <c>{ url, weight }</c>.</summary>
public sealed record TargetSpec
{
    public string Url { get; set; } = "";

    public int? Weight { get; set; }
}

public sealed record HealthCheckSpec
{
    public string? Path { get; set; }

    public string? Interval { get; set; }

    public string? Timeout { get; set; }

    public string? ExpectStatus { get; set; }

    public int? HealthyThreshold { get; set; }

    public int? UnhealthyThreshold { get; set; }
}

public sealed record PassiveHealthSpec
{
    public int? ConsecutiveFailures { get; set; }

    public string? Reactivation { get; set; }
}

public sealed record StickySpec
{
    public string? Cookie { get; set; }
}

public sealed record TimeoutsSpec
{
    public string? Connect { get; set; }

    public string? Response { get; set; }

    /// <summary>How long an upgraded connection (a WebSocket) may be idle both ways; none by default.</summary>
    public string? IdleUpgraded { get; set; }
}

public sealed record UpstreamTlsSpec
{
    public bool? SkipVerify { get; set; }

    public string? Ca { get; set; }

    public string? ServerName { get; set; }
}
