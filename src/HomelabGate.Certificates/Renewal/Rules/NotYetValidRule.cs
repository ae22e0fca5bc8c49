using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Renewal.Rules;

/// <summary>A certificate whose validity starts in the future: issued while the clock was wrong (a Raspberry Pi without a
/// real-time clock boots in the past or the future, then NTP corrects it). Clients refuse it, so it is re-issued. A few
/// minutes of slack allow for LAN devices whose clocks run slightly behind.</summary>
public sealed class NotYetValidRule(TimeProvider time) : IRenewalRule
{
    public static readonly TimeSpan Slack = TimeSpan.FromMinutes(5);

    public RenewalReason? Evaluate(RenewalContext context)
    {
        var notBefore = new DateTimeOffset(context.Certificate.Leaf.NotBefore.ToUniversalTime());
        return notBefore > time.GetUtcNow() + Slack
            ? new RenewalReason(RenewalReasonCode.NotYetValid, $"the certificate is not valid until {notBefore:u} (was the clock wrong when it was issued?)")
            : null;
    }
}
