namespace HomelabGate.Certificates.Import;

/// <summary>
/// Files of a certificate obtained elsewhere (Nginx Proxy Manager's "Custom" certificate). The certificate
/// file may itself be a full chain (leaf first); <see cref="ChainPath"/> is then optional.
/// </summary>
public sealed record CustomCertificatePaths(string CertificatePath, string KeyPath, string? ChainPath = null);
