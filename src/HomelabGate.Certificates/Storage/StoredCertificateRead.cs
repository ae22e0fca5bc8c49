namespace HomelabGate.Certificates.Storage;

/// <summary>The outcome of reading a stored certificate: found, missing, or present but unreadable (with why).</summary>
public sealed record StoredCertificateRead(StoredCertificate? Certificate, string? Problem)
{
    public static StoredCertificateRead Missing { get; } = new(null, null);

    public static StoredCertificateRead Found(StoredCertificate certificate) => new(certificate, null);

    public static StoredCertificateRead Unreadable(string problem) => new(null, problem);

    public bool IsMissing => Certificate is null && Problem is null;
}
