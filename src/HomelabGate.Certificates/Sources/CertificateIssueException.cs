namespace HomelabGate.Certificates.Sources;

/// <summary>A certificate could not be issued. The message is for people; <see cref="RetryAfter"/> is the other side's
/// wish (an ACME CA's Retry-After), which the back-off honours.</summary>
public sealed class CertificateIssueException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
