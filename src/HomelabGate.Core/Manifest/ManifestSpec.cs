namespace HomelabGate.Core.Manifest;

/// <summary>The manifest exactly as the user wrote it (after schema validation). Maps keep the user's order.
/// The spec types have setters, not init: source-generated JSON (Native AOT) passes every init-only property to the
/// object initializer, so a key the manifest leaves out would be null instead of its default here.</summary>
public sealed record ManifestSpec
{
    public int Version { get; set; }

    public SettingsSpec Settings { get; set; } = new();

    public Dictionary<string, UpstreamSpec> Upstreams { get; set; } = [];

    public Dictionary<string, HostSpec> Hosts { get; set; } = [];

    public Dictionary<string, CertificateSpec> Certificates { get; set; } = [];

    public Dictionary<string, IssuerSpec> Issuers { get; set; } = [];

    public Dictionary<string, AccessListSpec> AccessLists { get; set; } = [];

    public DnsSpec? Dns { get; set; }

    public Dictionary<string, StreamSpec> Streams { get; set; } = [];
}
