using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal.Rules;

public sealed class UnreadableRule : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context) => context.Stored.Problem is { } problem
        ? new RenewalReason(RenewalReasonCode.Unreadable, problem)
        : null;
}
