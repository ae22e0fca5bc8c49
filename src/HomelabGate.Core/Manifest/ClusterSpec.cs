namespace HomelabGate.Core.Manifest;

/// <summary><c>settings.cluster</c>: replicas sharing their state in etcd.</summary>
public sealed record ClusterSpec
{
    public EtcdSpec? Etcd { get; set; }

    public string? LeaseTtl { get; set; }

    public string? EncryptionKey { get; set; }
}

public sealed record EtcdSpec
{
    public List<string>? Endpoints { get; set; }

    public string? Prefix { get; set; }

    public EtcdTlsSpec? Tls { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }
}

public sealed record EtcdTlsSpec
{
    public string? Ca { get; set; }

    public string? Cert { get; set; }

    public string? Key { get; set; }
}
