namespace HomelabGate.Certificates.Reconciling;

/// <summary>What the TLS listener should serve after a reconcile, and each certificate's status.</summary>
public sealed record CertificateReconcileResult(IReadOnlyList<ServedCertificate> Served, IReadOnlyList<CertificateStatus> Statuses)
{
    /// <summary>True when a served certificate differs from the previous reconcile (issued, renewed, replaced on disk).</summary>
    public bool Changed { get; init; }
}
