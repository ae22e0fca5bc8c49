namespace HomelabGate.Core.Manifest;

public sealed record CertificateSpec
{
    public string? Issuer { get; set; }

    public List<string>? Domains { get; set; }

    public string? KeyType { get; set; }

    public string? Lifetime { get; set; }

    public CertificateFilesSpec? Files { get; set; }
}

public sealed record CertificateFilesSpec
{
    public string Cert { get; set; } = "";

    public string Key { get; set; } = "";

    public string? Chain { get; set; }
}

public sealed record IssuerSpec
{
    public string Type { get; set; } = "";

    public string? KeyType { get; set; }

    public NameConstraintsSpec? NameConstraints { get; set; }

    public string? LeafLifetime { get; set; }

    public string? Directory { get; set; }

    public string? Email { get; set; }

    public string? CaBundle { get; set; }

    public EabSpec? Eab { get; set; }

    public string? PreferredChain { get; set; }

    public string? RenewBefore { get; set; }

    public Dns01Spec? Dns01 { get; set; }
}

public sealed record NameConstraintsSpec
{
    public List<string>? Dns { get; set; }

    public List<string>? Ip { get; set; }
}

public sealed record EabSpec
{
    public string Kid { get; set; } = "";

    public string HmacKey { get; set; } = "";
}

public sealed record Dns01Spec
{
    public string Provider { get; set; } = "";

    public string? Server { get; set; }

    public string? Zone { get; set; }

    public TsigSpec? Tsig { get; set; }

    public string? ApiToken { get; set; }

    public string? Command { get; set; }

    public List<string>? Resolvers { get; set; }

    public string? PropagationTimeout { get; set; }
}

public sealed record TsigSpec
{
    public string Name { get; set; } = "";

    public string? Algorithm { get; set; }

    public string Secret { get; set; } = "";
}
