namespace HomelabGate.Core.Desired;

/// <summary>How long a leaf certificate may live: one rule for <c>gate validate</c> and the local CA, so the two agree.</summary>
public static class CertificateLifetime
{
    /// <summary>Renewal starts at one third of the lifetime left and leaves are backdated a few minutes for slow clocks;
    /// below an hour a certificate would be renewed on nearly every reconcile, or serve already expired.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromHours(1);

    /// <summary>Apple refuses TLS certificates valid longer than this, even from a user-trusted root.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(825);
}
