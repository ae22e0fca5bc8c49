namespace HomelabGate.Acme.Protocol;

/// <summary>How to reach the CA and the defensive bounds on every exchange.</summary>
public sealed record AcmeClientOptions
{
    public required Uri DirectoryUrl { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>ACME responses are small; a certificate chain is a few KiB. Anything over this is refused.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Each rejected nonce is retried with the fresh one the CA sent. Retries are cheap; 20 keeps even a 50 %
    /// reject rate (pebble's stress setting) near one failed request in a million.</summary>
    public int MaxBadNonceRetries { get; init; } = 20;

    public string UserAgent { get; init; } = "HomelabGate-Acme/1.0";
}
