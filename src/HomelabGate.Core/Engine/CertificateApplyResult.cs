namespace HomelabGate.Core.Engine;

/// <summary>What applying certificates did: each certificate's status, and what the TLS listener serves now.</summary>
public sealed record CertificateApplyResult(IReadOnlyList<CertificateStatus> Statuses, IReadOnlyList<ServedCertificate> Served);

public enum CertificateCondition
{
    Ready,
    Failed,
}

/// <summary>One certificate after an apply: good, (re)issued and why, or failed — in which case <see cref="Serving"/>
/// says whether an older certificate keeps serving.</summary>
public sealed record CertificateStatus(string Name, CertificateCondition Condition, string Message, bool Serving, DateTimeOffset? NotAfter)
{
    /// <summary>When the certificate that serves became valid: with <see cref="NotAfter"/>, its lifetime (a 24-hour
    /// certificate is not "expiring soon" for its whole life).</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
