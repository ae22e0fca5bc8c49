using HomelabGate.Core.Retry;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Retry;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Waits_longer_after_each_failure_and_forgets_after_a_success()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var backoff = new RetryBackoff(time);
        Assert.Null(backoff.Waiting("c"));
        backoff.Failed("c", "dns down", retryAfter: null);
        Assert.Contains("dns down", backoff.Waiting("c"), StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(73));
        Assert.Null(backoff.Waiting("c"));
        backoff.Failed("c", "dns down", retryAfter: null);
        time.Advance(TimeSpan.FromSeconds(73));
        Assert.NotNull(backoff.Waiting("c"));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(backoff.Waiting("c"));
        backoff.Succeeded("c");
        Assert.Null(backoff.Waiting("c"));
    }

    [Fact]
    public void Honours_a_retry_after_longer_than_its_own_delay()
    {
        var time = new FakeTimeProvider();
        var backoff = new RetryBackoff(time);
        backoff.Failed("c", "rate limited", TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(backoff.Waiting("c"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(backoff.Waiting("c"));
    }

    [Fact]
    public void Jitter_comes_from_the_injected_source_and_stays_within_twenty_percent()
    {
        var time = new FakeTimeProvider();
        var low = new RetryBackoff(time, new FixedRandom(0.0));
        var high = new RetryBackoff(time, new FixedRandom(0.999999));
        low.Failed("c", "x", null);
        high.Failed("c", "x", null);

        // One minute ± 20 %: 48 s at the low end, 72 s at the high end.
        time.Advance(TimeSpan.FromSeconds(47.5));
        Assert.NotNull(low.Waiting("c"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(low.Waiting("c"));
        time.Advance(TimeSpan.FromSeconds(23));
        Assert.NotNull(high.Waiting("c"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(high.Waiting("c"));
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    [Fact]
    public void Keeps_failures_of_one_certificate_from_blocking_another()
    {
        var backoff = new RetryBackoff(new FakeTimeProvider());
        backoff.Failed("a", "x", null);
        Assert.Null(backoff.Waiting("b"));
    }
}
