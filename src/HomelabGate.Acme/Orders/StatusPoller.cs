using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Orders;

/// <summary>Polls an order or authorization until it settles, waiting Retry-After (clamped) or the default interval,
/// on the injected clock, and giving up at a deadline.</summary>
internal sealed class StatusPoller(TimeProvider time, AcmeOrderOptions options)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    public async Task<T> UntilAsync<T>(
        string what,
        Func<CancellationToken, Task<T>> fetch,
        Func<AcmeStatus, bool> isSettled,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : IAcmePollable
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var current = await fetch(cancellationToken);
            if (isSettled(current.Status))
            {
                return current;
            }
            var wait = NextWait(current.RetryAfter);
            if (time.GetUtcNow() + wait > deadline)
            {
                throw new AcmeException(
                    $"{what} was still {current.Status.ToString().ToLowerInvariant()} after {AcmeProblemDescriber.FormatDuration(timeout)}; giving up",
                    isTransient: true);
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    internal TimeSpan NextWait(TimeSpan? retryAfter)
    {
        var wait = retryAfter ?? options.PollInterval;
        return wait < MinimumInterval ? MinimumInterval : wait > options.MaxPollInterval ? options.MaxPollInterval : wait;
    }
}
