namespace HomelabGate.Core.Manifest;

/// <summary>The manifest exactly as the user wrote it (after schema validation). Maps keep the user's order.</summary>
public sealed record ManifestSpec
{
    public int Version { get; init; }

    public SettingsSpec Settings { get; init; } = new();

    public Dictionary<string, UpstreamSpec> Upstreams { get; init; } = [];

    public Dictionary<string, HostSpec> Hosts { get; init; } = [];

    public Dictionary<string, CertificateSpec> Certificates { get; init; } = [];

    public Dictionary<string, IssuerSpec> Issuers { get; init; } = [];

    public Dictionary<string, AccessListSpec> AccessLists { get; init; } = [];

    public DnsSpec? Dns { get; init; }

    public Dictionary<string, StreamSpec> Streams { get; init; } = [];
}
