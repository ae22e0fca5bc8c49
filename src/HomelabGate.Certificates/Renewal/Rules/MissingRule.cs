using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal.Rules;

public sealed class MissingRule : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context) => context.Stored.IsMissing
        ? new RenewalReason(RenewalReasonCode.Missing, $"no certificate is stored for '{context.Request.Name}'")
        : null;
}
