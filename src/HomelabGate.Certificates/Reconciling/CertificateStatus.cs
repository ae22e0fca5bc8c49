namespace HomelabGate.Certificates.Reconciling;

public enum CertificateCondition
{
    Ready,
    Failed,
}

/// <summary>One certificate after a reconcile: whether it is good, why it was (re)issued, or why it failed —
/// in which case <see cref="Serving"/> says whether an older certificate keeps serving.</summary>
public sealed record CertificateStatus(string Name, CertificateCondition Condition, string Message, bool Serving, DateTimeOffset? NotAfter);
