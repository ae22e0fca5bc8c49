using HomelabGate.Acme.Renewal;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Sources.Acme;

/// <summary>RFC 9773 §4.2: renew once the moment chosen at random inside the CA's suggested window has come, or at once
/// when the window has already closed. Takes the one-third rule's place while the CA offers renewal information.</summary>
public sealed class AriRenewalRule(TimeProvider time, AcmeRenewalWindow window, DateTimeOffset chosen) : IRenewalRule
{
    public AcmeRenewalWindow Window { get; } = window;

    /// <summary>The point inside <see cref="Window"/> picked once for this window.</summary>
    public DateTimeOffset Chosen { get; } = chosen;

    public RenewalReason? Evaluate(RenewalContext context)
    {
        var now = time.GetUtcNow();
        var suggested = $"the CA's renewal information (ARI) suggests renewing between {Window.Start:u} and {Window.End:u}";
        var explanation = Window.ExplanationUrl is { } url ? $" (see {url})" : "";
        if (now >= Window.End)
        {
            return new RenewalReason(RenewalReasonCode.NearingExpiry, $"{suggested}, and that window has closed{explanation}");
        }
        return now >= Chosen
            ? new RenewalReason(RenewalReasonCode.NearingExpiry, $"{suggested}; the time chosen inside it, {Chosen:u}, has come{explanation}")
            : null;
    }
}
