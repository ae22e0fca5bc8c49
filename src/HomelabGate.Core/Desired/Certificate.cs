namespace HomelabGate.Core.Desired;

/// <summary>A certificate the gateway serves: issued by <see cref="Issuer"/> for <see cref="Domains"/>, or imported from files.</summary>
public sealed record Certificate : Resource
{
    public required string Name { get; init; }

    public string? Issuer { get; init; }

    public ValueList<string> Domains { get; set; } = ValueList<string>.Empty;

    public KeyType KeyType { get; set; } = KeyType.EcdsaP256;

    public TimeSpan? Lifetime { get; init; }

    public CertificateFiles? Files { get; init; }

    public override ResourceId Id => new(ResourceKind.Certificate, Name);

    public override string Summary =>
        Files is not null ? $"(files, {Files.Cert})" : $"({Issuer}, {string.Join(", ", Domains)})";

    /// <summary>New names, another issuer or another key type mean a new certificate, not an edit of the old one.</summary>
    public override bool MustReplace(Resource previous) =>
        previous is Certificate old && (!old.Domains.Equals(Domains) || old.Issuer != Issuer || old.KeyType != KeyType || old.Files != Files);
}

public sealed record CertificateFiles(string Cert, string Key, string? Chain);
