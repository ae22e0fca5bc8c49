namespace HomelabGate.Core.Desired;

/// <summary>A local CA or an ACME account that issues certificates.</summary>
public sealed record CertificateIssuer : Resource
{
    public required string Name { get; init; }

    public required IssuerType Type { get; init; }

    public KeyType KeyType { get; set; } = KeyType.EcdsaP256;

    public ValueList<string> PermittedDns { get; set; } = ValueList<string>.Empty;

    public ValueList<string> PermittedIp { get; set; } = ValueList<string>.Empty;

    public TimeSpan? LeafLifetime { get; init; }

    public AcmeSettings? Acme { get; init; }

    public override ResourceId Id => new(ResourceKind.Issuer, Name);

    public override string Summary => Type == IssuerType.LocalCa ? "(local-ca)" : $"(acme, {Acme?.Directory})";
}

public enum IssuerType
{
    LocalCa,
    Acme,
}

public sealed record AcmeSettings
{
    public required string Directory { get; init; }

    public string? Email { get; init; }

    public string? CaBundle { get; init; }

    public string? EabKid { get; init; }

    [Sensitive]
    public string? EabHmacKey { get; init; }

    public string? PreferredChain { get; init; }

    public TimeSpan? RenewBefore { get; init; }

    public required Dns01Settings Dns01 { get; init; }
}

public sealed record Dns01Settings
{
    public required Dns01ProviderType Provider { get; init; }

    public string? Server { get; init; }

    public string? Zone { get; init; }

    public TsigKeySpec? Tsig { get; init; }

    [Sensitive]
    public string? ApiToken { get; init; }

    public string? Command { get; init; }

    public ValueList<string> Resolvers { get; set; } = ValueList<string>.Empty;

    public TimeSpan? PropagationTimeout { get; init; }
}
