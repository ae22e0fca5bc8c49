using HomelabGate.Certificates.Renewal.Rules;

namespace HomelabGate.Certificates.Renewal;

/// <summary>The one place that decides which rules say "this certificate is due". Every source builds its policy here,
/// so the daemon, <c>gate plan</c>, <c>gate drift</c> and <c>gate cert list</c> reach the same verdict. Order matters:
/// rules that inspect the certificate come after Missing and Unreadable; Expired comes before the timing rules so an
/// expired certificate is reported as such.</summary>
public sealed class RenewalPolicyFactory(TimeProvider time)
{
    /// <param name="timing">When a certificate that is otherwise fine becomes due (one third of the lifetime left,
    /// <c>renewBefore</c>, or the CA's ARI window).</param>
    public RenewalPolicy Create(IReadOnlyList<IRenewalRule> timing) => new(
    [
        new MissingRule(),
        new UnreadableRule(),
        new KeyDoesNotMatchCertificateRule(),
        new KeyAlgorithmDiffersRule(),
        new SubjectAlternativeNamesDifferRule(),
        new IssuerChangedRule(),
        new NotYetValidRule(time),
        new ExpiredRule(time),
        .. timing,
    ]);

    /// <summary>Due once a fraction of the lifetime is left (one third), or <paramref name="renewBefore"/> before expiry.</summary>
    public IRenewalRule ByLifetime(TimeSpan? renewBefore = null) => new NearingExpiryRule(time, new RenewalWindow(Before: renewBefore));
}
