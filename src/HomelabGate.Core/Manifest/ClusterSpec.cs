namespace HomelabGate.Core.Manifest;

/// <summary><c>settings.cluster</c>: replicas sharing their state in etcd.</summary>
public sealed record ClusterSpec
{
    public EtcdSpec? Etcd { get; init; }

    public string? LeaseTtl { get; init; }

    public string? EncryptionKey { get; init; }
}

public sealed record EtcdSpec
{
    public List<string>? Endpoints { get; init; }

    public string? Prefix { get; init; }

    public EtcdTlsSpec? Tls { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }
}

public sealed record EtcdTlsSpec
{
    public string? Ca { get; init; }

    public string? Cert { get; init; }

    public string? Key { get; init; }
}
