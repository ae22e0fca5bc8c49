namespace HomelabGate.Core.Desired;

/// <summary>A pool of upstream servers with its balancing, health checking and connection policy.</summary>
public sealed record UpstreamPool : Resource
{
    public required string Name { get; init; }

    public required ValueList<UpstreamTarget> Targets { get; init; }

    public LoadBalancing LoadBalancing { get; set; } = LoadBalancing.RoundRobin;

    public ActiveHealthCheck? HealthCheck { get; init; }

    public PassiveHealthCheck? PassiveHealth { get; init; }

    public string? StickyCookie { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }

    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>How long an upgraded connection (a WebSocket) may be idle both ways; null: as long as both ends keep it.</summary>
    public TimeSpan? IdleUpgradedTimeout { get; init; }

    public UpstreamTls Tls { get; set; } = UpstreamTls.Default;

    /// <summary>True for the pool of one made from a host's inline <c>to:</c>.</summary>
    public bool Inline { get; init; }

    public override ResourceId Id => new(ResourceKind.Upstream, Name);

    public override string Summary => $"({string.Join(", ", Targets.Select(t => t.Url))})";
}

public sealed record UpstreamTarget(string Url, int Weight);

public enum LoadBalancing
{
    RoundRobin,
    LeastRequests,
    Random,
    PowerOfTwo,
    First,
}

public sealed record ActiveHealthCheck(string Path, TimeSpan Interval, TimeSpan Timeout, int MinStatus, int MaxStatus, int HealthyThreshold, int UnhealthyThreshold);

/// <summary>A target that fails this many requests in a row is left out for <see cref="Reactivation"/>, then tried again.
/// Every pool has it: a pool without <c>passiveHealth</c> gets <see cref="Default"/> (kept out of the desired state, so
/// plans of existing pools do not change).</summary>
public sealed record PassiveHealthCheck(int ConsecutiveFailures, TimeSpan Reactivation)
{
    public static PassiveHealthCheck Default { get; } = new(3, TimeSpan.FromSeconds(30));
}

public sealed record UpstreamTls(bool SkipVerify, string? CaFile, string? ServerName)
{
    public static UpstreamTls Default { get; } = new(false, null, null);
}
