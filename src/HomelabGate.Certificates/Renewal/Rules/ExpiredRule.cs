using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal.Rules;

public sealed class ExpiredRule(TimeProvider time) : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context)
    {
        var notAfter = new DateTimeOffset(context.Certificate.Leaf.NotAfter.ToUniversalTime());
        return time.GetUtcNow() >= notAfter
            ? new RenewalReason(RenewalReasonCode.Expired, $"the certificate expired at {notAfter:u}")
            : null;
    }
}
