using HomelabGate.Status;

namespace HomelabGate.Daemon.Status;

/// <summary>One upstream pool as YARP sees it now, with each distinct target once.</summary>
public sealed record UpstreamStatus(string Name, IReadOnlyList<TargetStatus> Targets)
{
    /// <summary>The pool in the manifest's words: "host jellyfin", "upstream media (host jellyfin, host plex)".</summary>
    public string? Owner { get; init; }
}

/// <summary>One target of a pool, its health verdict, and the last problem seen with it ("connection refused").</summary>
public sealed record TargetStatus(string Url, TargetHealth Health)
{
    public string? Problem { get; init; }
}
