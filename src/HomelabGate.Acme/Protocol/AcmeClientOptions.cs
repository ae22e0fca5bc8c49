namespace HomelabGate.Acme.Protocol;

/// <summary>How to reach the CA and the defensive bounds on every exchange.</summary>
public sealed record AcmeClientOptions
{
    public required Uri DirectoryUrl { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>ACME responses are small; a certificate chain is a few KiB. Anything over this is refused.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Each rejected nonce is retried with the fresh one the CA sent; 10 keeps even a 50 % reject rate below 0.1 % failures.</summary>
    public int MaxBadNonceRetries { get; init; } = 10;

    public string UserAgent { get; init; } = "HomelabGate-Acme/1.0";
}
