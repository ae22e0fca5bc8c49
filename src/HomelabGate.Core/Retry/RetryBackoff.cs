namespace HomelabGate.Core.Retry;

/// <summary>After a failure, when to try the same thing again: exponential (1 min, 2, 4 … up to 6 h) with ±20 % jitter, or
/// later if the other side sent Retry-After. Without it a broken DNS setup would hammer an ACME CA into its rate limits,
/// or a down DNS server would be asked every resync. Keys name what failed (a certificate, a DNS configuration).
/// One instance per process; the jitter's randomness is injected so tests can pin it.</summary>
public sealed class RetryBackoff(TimeProvider time, Random random)
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(6);
    private readonly Dictionary<string, (int Failures, DateTimeOffset Next, string Message)> _failures = new(StringComparer.Ordinal);

    public RetryBackoff(TimeProvider time)
        : this(time, Random.Shared)
    {
    }

    /// <returns>Why and until when to wait, or null when an attempt may be made now.</returns>
    public string? Waiting(string key)
    {
        lock (_failures)
        {
            return _failures.TryGetValue(key, out var state) && time.GetUtcNow() < state.Next
                ? $"the last attempt failed ({state.Message}); next attempt at {state.Next:u}"
                : null;
        }
    }

    public void Failed(string key, string message, TimeSpan? retryAfter)
    {
        lock (_failures)
        {
            var failures = _failures.TryGetValue(key, out var state) ? state.Failures + 1 : 1;
            var delay = TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Min(failures - 1, 20)));
            delay *= 0.8 + (random.NextDouble() * 0.4);
            if (retryAfter is { } after && after > delay)
            {
                delay = after;
            }
            _failures[key] = (failures, time.GetUtcNow() + delay, message);
        }
    }

    public void Succeeded(string key)
    {
        lock (_failures)
        {
            _failures.Remove(key);
        }
    }
}
