namespace HomelabGate.Import.Npm.Translation;

/// <summary>What the import needs to know of a certificate file: its names, expiry and key type (a manifest keyType, or
/// null when the key is of a kind gate does not issue).</summary>
internal sealed record PemCertificate(IReadOnlyList<string> Names, DateTimeOffset NotAfter, string? KeyType);
