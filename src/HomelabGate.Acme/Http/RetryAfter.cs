using System.Net.Http.Headers;

namespace HomelabGate.Acme.Http;

/// <summary>Turns a Retry-After header (delta-seconds or HTTP-date) into a wait from <paramref name="now"/>.</summary>
public static class RetryAfter
{
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Parses a raw header value; null when absent or unparseable (a bad header must not fail an order).</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now) =>
        RetryConditionHeaderValue.TryParse(value, out var header) ? From(header, now) : null;
}
