namespace HomelabGate.Acme.Errors;

/// <summary>Any failure talking to the CA or completing an order. <see cref="IsTransient"/> tells the daemon whether
/// to retry on its own (with <see cref="RetryAfter"/> when the CA said so) or to wait for the user to fix something.
/// Messages are plain words and never contain key material or secrets.</summary>
public class AcmeException : Exception
{
    public AcmeException(string message, bool isTransient = false, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public bool IsTransient { get; }

    public TimeSpan? RetryAfter { get; }
}
