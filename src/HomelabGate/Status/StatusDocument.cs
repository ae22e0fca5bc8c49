namespace HomelabGate.Status;

/// <summary>/api/status: what the daemon serves and how each part is doing. The one contract the admin API writes and
/// <c>gate status</c>, <c>gate drift</c> and <c>gate apply</c> read; field names are the API: add, never rename.</summary>
public sealed record StatusDocument(
    DateTimeOffset StartedAt,
    bool Ready,
    string Manifest,
    string? ServingManifestHash,
    string? ServingContentHash,
    bool ManifestValid,
    IReadOnlyList<string> CurrentDiagnostics,
    IReadOnlyList<HostDocument> Hosts,
    OutcomeDocument? Last,
    IReadOnlyList<UpstreamDocument> Upstreams,
    IReadOnlyList<CertificateDocument> Certificates,
    DnsDocument? Dns)
{
    /// <summary>Null for one node (state in the state directory).</summary>
    public ClusterDocument? Cluster { get; init; }
}

/// <summary>One served host: its domains and the pools it forwards to.</summary>
public sealed record HostDocument(string Name, IReadOnlyList<string> Domains, IReadOnlyList<string> Upstreams);

/// <summary>One pool as the proxy sees it now.</summary>
public sealed record UpstreamDocument(string Name, IReadOnlyList<TargetDocument> Targets)
{
    /// <summary>The pool in the manifest's words ("host jellyfin", "upstream media (host jellyfin, host plex)"); a
    /// host's own <c>to:</c> pool has an internal name that readers should not show.</summary>
    public string? Owner { get; init; }
}

public sealed record TargetDocument(string Url, TargetHealth Health)
{
    /// <summary>The last problem with this target in one line ("connection refused", "certificate rejected: name
    /// mismatch (…)", "answered 503"); null while its requests and probes succeed.</summary>
    public string? Problem { get; init; }
}

/// <summary>One certificate: Ready or Failed, why, whether a certificate serves, and until when.</summary>
public sealed record CertificateDocument(string Name, Core.Engine.CertificateCondition Condition, string Message, bool Serving, DateTimeOffset? NotAfter);

/// <summary>The DNS provider after the last reconcile.</summary>
public sealed record DnsDocument(string Provider, string? Error, string? Summary, IReadOnlyList<string> DriftRepaired, IReadOnlyList<string> Conflicts);
