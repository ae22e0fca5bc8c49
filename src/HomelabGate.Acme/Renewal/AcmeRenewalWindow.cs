namespace HomelabGate.Acme.Renewal;

/// <summary>The CA's suggested renewal window (RFC 9773 §4.2) and when to ask again.</summary>
public sealed record AcmeRenewalWindow(DateTimeOffset Start, DateTimeOffset End, Uri? ExplanationUrl, TimeSpan? RetryAfter);
