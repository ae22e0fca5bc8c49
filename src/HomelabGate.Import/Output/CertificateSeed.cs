using HomelabGate.Import.Npm.Reading;

namespace HomelabGate.Import.Output;

/// <summary>An existing certificate (leaf first, then its chain) and key to put into gate's certificate store under
/// <see cref="Name"/>, so an ACME certificate NPM already has is served, not ordered again, on day one.</summary>
public sealed record CertificateSeed(string Name, IReadOnlyList<string> Domains, string ChainPem, SecretText KeyPem);
