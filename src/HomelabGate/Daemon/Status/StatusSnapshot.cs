using HomelabGate.Core.Engine;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Status;

namespace HomelabGate.Daemon.Status;

/// <summary>Everything the admin listener shows about the daemon at one instant: /api/status, the status page and the
/// scrape-time metrics all render this one value, so they cannot disagree. It holds no secret: the desired state keeps
/// only secret references, and nothing here is resolved. <see cref="Last"/> is the latest reconcile (often a timer
/// finding nothing to do); <see cref="LastChange"/> the latest one that applied, or tried to and failed;
/// <see cref="LastApplied"/> the latest one that applied (what is served).</summary>
public sealed record StatusSnapshot(
    DateTimeOffset GeneratedAt,
    DateTimeOffset StartedAt,
    bool Ready,
    string ManifestPath,
    string? ServingManifestHash,
    string? ServingContentHash,
    IReadOnlyList<HostStatus> Hosts,
    IReadOnlyList<UpstreamStatus> Upstreams,
    IReadOnlyList<CertificateStatus> Certificates,
    DnsStatus? Dns,
    ReconcileOutcome? Last,
    ReconcileOutcome? LastChange,
    ReconcileOutcome? LastApplied,
    IReadOnlyList<Diagnostic> CurrentDiagnostics)
{
    /// <summary>Null for one node.</summary>
    public ClusterDocument? Cluster { get; init; }

    /// <summary>The manifest on disk has errors (the last good configuration keeps serving).</summary>
    public bool ManifestInvalid => CurrentDiagnostics.Any(d => d.IsError);

    public IReadOnlyList<StreamStatus> Streams { get; init; } = [];

    public IReadOnlyList<AccessListStatus> AccessLists { get; init; } = [];

    /// <summary>Names and users of each certificate, by certificate name.</summary>
    public IReadOnlyDictionary<string, CertificateUse> CertificateUses { get; init; } = new Dictionary<string, CertificateUse>();

    /// <summary>Requests per host since start, by host name (from the request metrics).</summary>
    public IReadOnlyDictionary<string, HostTraffic> Traffic { get; init; } = new Dictionary<string, HostTraffic>();
}
