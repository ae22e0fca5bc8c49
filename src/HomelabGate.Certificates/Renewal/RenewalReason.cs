namespace HomelabGate.Certificates.Renewal;

/// <summary>One reason to issue, with a message for people.</summary>
public sealed record RenewalReason(RenewalReasonCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
