namespace HomelabGate.Import.Npm.Reading;

/// <summary>A <c>certificate</c> row. Provider "other" is a custom upload (PEMs also in meta); "letsencrypt" has its files
/// only on disk, and for DNS-01 the certbot plugin's credentials (a secret) in meta.</summary>
public sealed record NpmCertificate(
    int Id,
    NpmRowState State,
    string Provider,
    string NiceName,
    IReadOnlyList<string> Domains,
    bool DnsChallenge,
    string? DnsProvider,
    SecretText? DnsCredentials,
    int? PropagationSeconds,
    string? KeyType,
    string? Email,
    NpmPems? StoredPems)
{
    public bool IsLetsEncrypt => Provider == "letsencrypt";
}

/// <summary>Certificate, key and intermediate PEM text (the key is secret).</summary>
public sealed record NpmPems(string Certificate, SecretText Key, string? Intermediate);
