namespace HomelabGate.Core.Engine;

/// <summary>Why a certificate must be issued now, with a message for people. The one verdict the daemon, <c>gate plan</c>,
/// <c>gate drift</c> and the status page show.</summary>
public sealed record RenewalReason(RenewalReasonCode Code, string Message)
{
    /// <summary>Drift: the stored certificate no longer matches the manifest or no longer works. Missing and due by
    /// time are ordinary work.</summary>
    public bool IsDrift => Code is not (RenewalReasonCode.Missing or RenewalReasonCode.NearingExpiry);

    public override string ToString() => $"{Code}: {Message}";
}
