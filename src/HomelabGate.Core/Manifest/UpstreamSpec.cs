namespace HomelabGate.Core.Manifest;

public sealed record UpstreamSpec
{
    public List<TargetSpec> Targets { get; init; } = [];

    public string? LoadBalancing { get; init; }

    public HealthCheckSpec? HealthCheck { get; init; }

    public PassiveHealthSpec? PassiveHealth { get; init; }

    public StickySpec? Sticky { get; init; }

    public TimeoutsSpec? Timeouts { get; init; }

    public UpstreamTlsSpec? Tls { get; init; }
}

/// <summary>A target written as a bare URL string or as <c>{ url, weight }</c>.</summary>
public sealed record TargetSpec
{
    public string Url { get; init; } = "";

    public int? Weight { get; init; }
}

public sealed record HealthCheckSpec
{
    public string? Path { get; init; }

    public string? Interval { get; init; }

    public string? Timeout { get; init; }

    public string? ExpectStatus { get; init; }

    public int? HealthyThreshold { get; init; }

    public int? UnhealthyThreshold { get; init; }
}

public sealed record PassiveHealthSpec
{
    public int? ConsecutiveFailures { get; init; }

    public string? Reactivation { get; init; }
}

public sealed record StickySpec
{
    public string? Cookie { get; init; }
}

public sealed record TimeoutsSpec
{
    public string? Connect { get; init; }

    public string? Response { get; init; }

    /// <summary>How long an upgraded connection (a WebSocket) may be idle both ways; none by default.</summary>
    public string? IdleUpgraded { get; init; }
}

public sealed record UpstreamTlsSpec
{
    public bool? SkipVerify { get; init; }

    public string? Ca { get; init; }

    public string? ServerName { get; init; }
}
