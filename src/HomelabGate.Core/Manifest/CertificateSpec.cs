namespace HomelabGate.Core.Manifest;

public sealed record CertificateSpec
{
    public string? Issuer { get; init; }

    public List<string>? Domains { get; init; }

    public string? KeyType { get; init; }

    public string? Lifetime { get; init; }

    public CertificateFilesSpec? Files { get; init; }
}

public sealed record CertificateFilesSpec
{
    public string Cert { get; init; } = "";

    public string Key { get; init; } = "";

    public string? Chain { get; init; }
}

public sealed record IssuerSpec
{
    public string Type { get; init; } = "";

    public string? KeyType { get; init; }

    public NameConstraintsSpec? NameConstraints { get; init; }

    public string? LeafLifetime { get; init; }

    public string? Directory { get; init; }

    public string? Email { get; init; }

    public string? CaBundle { get; init; }

    public EabSpec? Eab { get; init; }

    public string? PreferredChain { get; init; }

    public string? RenewBefore { get; init; }

    public Dns01Spec? Dns01 { get; init; }
}

public sealed record NameConstraintsSpec
{
    public List<string>? Dns { get; init; }

    public List<string>? Ip { get; init; }
}

public sealed record EabSpec
{
    public string Kid { get; init; } = "";

    public string HmacKey { get; init; } = "";
}

public sealed record Dns01Spec
{
    public string Provider { get; init; } = "";

    public string? Server { get; init; }

    public string? Zone { get; init; }

    public TsigSpec? Tsig { get; init; }

    public string? ApiToken { get; init; }

    public string? Command { get; init; }

    public List<string>? Resolvers { get; init; }

    public string? PropagationTimeout { get; init; }
}

public sealed record TsigSpec
{
    public string Name { get; init; } = "";

    public string? Algorithm { get; init; }

    public string Secret { get; init; } = "";
}
