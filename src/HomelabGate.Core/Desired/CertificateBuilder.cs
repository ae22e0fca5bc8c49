using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class CertificateBuilder
{
    public static CertificateIssuer Issuer(string name, IssuerSpec spec, ManifestFolder folder) => new()
    {
        Name = name,
        Type = spec.Type == "acme" ? IssuerType.Acme : IssuerType.LocalCa,
        KeyType = Key(spec.KeyType),
        PermittedDns = new((spec.NameConstraints?.Dns ?? []).Select(DesiredStateBuilder.NormalizeDomain).Order(StringComparer.Ordinal)),
        PermittedIp = new((spec.NameConstraints?.Ip ?? []).Order(StringComparer.Ordinal)),
        LeafLifetime = Duration.Parse(spec.LeafLifetime),
        Acme = spec.Type == "acme" && spec.Dns01 is { } dns01 ? new AcmeSettings
        {
            Directory = AcmeDirectory(spec.Directory ?? ""),
            Email = spec.Email,
            CaBundle = folder.File(spec.CaBundle),
            EabKid = spec.Eab?.Kid,
            EabHmacKey = folder.Secret(spec.Eab?.HmacKey),
            PreferredChain = spec.PreferredChain,
            RenewBefore = Duration.Parse(spec.RenewBefore),
            Dns01 = new Dns01Settings
            {
                Provider = Dns01Provider(dns01.Provider), Server = dns01.Server, Zone = dns01.Zone?.TrimEnd('.').ToLowerInvariant(),
                Tsig = Tsig(dns01.Tsig, folder),
                ApiToken = folder.Secret(dns01.ApiToken), Command = dns01.Command, Resolvers = ValueList.From(dns01.Resolvers),
                PropagationTimeout = Duration.Parse(dns01.PropagationTimeout),
            },
        } : null,
    };

    public static Certificate Certificate(string name, CertificateSpec spec, IReadOnlyDictionary<string, IssuerSpec> issuers, ManifestFolder folder) => new()
    {
        Name = name,
        Issuer = spec.Issuer,
        Domains = new((spec.Domains ?? []).Select(DesiredStateBuilder.NormalizeDomain).Distinct().Order(StringComparer.Ordinal)),
        KeyType = Key(spec.KeyType ?? (spec.Issuer is not null && issuers.TryGetValue(spec.Issuer, out var issuer) ? issuer.KeyType : null)),
        Lifetime = Duration.Parse(spec.Lifetime),
        Files = spec.Files is { } files ? new CertificateFiles(folder.File(files.Cert)!, folder.File(files.Key)!, folder.File(files.Chain)) : null,
    };

    /// <summary>Named shortcuts for the directories people use most.</summary>
    public static string AcmeDirectory(string value) => value switch
    {
        "letsencrypt" => "https://acme-v02.api.letsencrypt.org/directory",
        "letsencrypt-staging" => "https://acme-staging-v02.api.letsencrypt.org/directory",
        _ => value,
    };

    public static TsigKeySpec? Tsig(TsigSpec? spec, ManifestFolder folder) =>
        spec is null ? null : new TsigKeySpec(spec.Name, spec.Algorithm ?? TsigKeySpec.DefaultAlgorithm, folder.Secret(spec.Secret)!);

    private static Dns01ProviderType Dns01Provider(string provider) => provider switch
    {
        "rfc2136" => Dns01ProviderType.Rfc2136,
        "cloudflare" => Dns01ProviderType.Cloudflare,
        "exec" => Dns01ProviderType.Exec,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "the schema admits no other DNS-01 provider"),
    };

    private static KeyType Key(string? text) => text switch
    {
        "rsa-2048" => KeyType.Rsa2048,
        "rsa-3072" => KeyType.Rsa3072,
        "ecdsa-p256" or null => KeyType.EcdsaP256,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "the schema admits no other key type"),
    };
}
