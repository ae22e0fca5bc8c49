using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal;

/// <summary>One question about a stored certificate; null means "no reason to issue from this rule".</summary>
public interface IRenewalRule
{
    RenewalReason? Evaluate(RenewalContext context);
}
