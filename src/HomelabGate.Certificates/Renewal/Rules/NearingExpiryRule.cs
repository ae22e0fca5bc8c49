using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal.Rules;

public sealed class NearingExpiryRule(TimeProvider time, RenewalWindow window) : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context)
    {
        var due = window.RenewalDue(context.Certificate.Leaf);
        return time.GetUtcNow() >= due
            ? new RenewalReason(RenewalReasonCode.NearingExpiry, $"renewal was due at {due:u}; the certificate expires at {context.Certificate.Leaf.NotAfter.ToUniversalTime():u}")
            : null;
    }
}
