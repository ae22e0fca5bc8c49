using HomelabGate.Certificates.Renewal.Rules;

namespace HomelabGate.Certificates.Renewal;

/// <summary>
/// An ordered chain of rules (cert-manager's policy chain); the first reason wins. Order matters: rules
/// that inspect the certificate come after Missing and Unreadable, and Expired comes before NearingExpiry
/// so an expired certificate is reported as such.
/// </summary>
public sealed class RenewalPolicy(IReadOnlyList<IRenewalRule> rules)
{
    public static RenewalPolicy Default(TimeProvider time, RenewalWindow window) => new(
    [
        new MissingRule(),
        new UnreadableRule(),
        new KeyDoesNotMatchCertificateRule(),
        new KeyAlgorithmDiffersRule(),
        new SubjectAlternativeNamesDifferRule(),
        new IssuerChangedRule(),
        new ExpiredRule(time),
        new NearingExpiryRule(time, window),
    ]);

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
