namespace HomelabGate.Import.Npm.Reading;

/// <summary>A certificate chain (leaf first) and its key as PEM text, and where they were found.</summary>
public sealed record PemFiles(string ChainPem, SecretText KeyPem, string Source);
