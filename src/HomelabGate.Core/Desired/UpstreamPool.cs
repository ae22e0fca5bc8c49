namespace HomelabGate.Core.Desired;

/// <summary>A pool of upstream servers with its balancing, health checking and connection policy.</summary>
public sealed record UpstreamPool : Resource
{
    public required string Name { get; init; }

    public required ValueList<UpstreamTarget> Targets { get; init; }

    public LoadBalancing LoadBalancing { get; init; } = LoadBalancing.RoundRobin;

    public ActiveHealthCheck? HealthCheck { get; init; }

    public PassiveHealthCheck? PassiveHealth { get; init; }

    public string? StickyCookie { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }

    public TimeSpan? ResponseTimeout { get; init; }

    public UpstreamTls Tls { get; init; } = UpstreamTls.Default;

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

public sealed record PassiveHealthCheck(int ConsecutiveFailures, TimeSpan Reactivation);

public sealed record UpstreamTls(bool SkipVerify, string? CaFile, string? ServerName)
{
    public static UpstreamTls Default { get; } = new(false, null, null);
}
