using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

/// <summary>Replicas sharing state in etcd (<c>settings.cluster</c>). Bound at start, like the listeners.</summary>
public sealed record ClusterSettings
{
    public static readonly TimeSpan DefaultLeaseTtl = TimeSpan.FromSeconds(10);

    public const string DefaultPrefix = "/homelabgate";

    public required ValueList<string> Endpoints { get; init; }

    public string Prefix { get; set; } = DefaultPrefix;

    public string? TlsCa { get; init; }

    public string? TlsCert { get; init; }

    public string? TlsKey { get; init; }

    public string? Username { get; init; }

    [Sensitive]
    public string? Password { get; init; }

    public TimeSpan LeaseTtl { get; set; } = DefaultLeaseTtl;

    [Sensitive]
    public required string EncryptionKey { get; init; }

    public static ClusterSettings? From(ClusterSpec? spec) => spec?.Etcd is not { } etcd ? null : new ClusterSettings
    {
        Endpoints = ValueList.From(etcd.Endpoints),
        Prefix = string.IsNullOrWhiteSpace(etcd.Prefix) ? DefaultPrefix : "/" + etcd.Prefix.Trim('/'),
        TlsCa = etcd.Tls?.Ca,
        TlsCert = etcd.Tls?.Cert,
        TlsKey = etcd.Tls?.Key,
        Username = etcd.Username,
        Password = etcd.Password,
        LeaseTtl = Duration.Parse(spec.LeaseTtl) ?? DefaultLeaseTtl,
        EncryptionKey = spec.EncryptionKey ?? "",
    };
}
