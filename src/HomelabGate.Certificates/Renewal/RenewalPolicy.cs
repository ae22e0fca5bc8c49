using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Renewal;

/// <summary>An ordered chain of rules (cert-manager's policy chain); the first reason wins. Built by
/// <see cref="RenewalPolicyFactory"/>.</summary>
public sealed class RenewalPolicy(IReadOnlyList<IRenewalRule> rules)
{
    public IReadOnlyList<IRenewalRule> Rules { get; } = rules;

    /// <summary>Null when the stored certificate can be served as is.</summary>
    public RenewalReason? Evaluate(RenewalContext context)
    {
        foreach (var rule in Rules)
        {
            if (rule.Evaluate(context) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }
}
