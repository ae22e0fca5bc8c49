using HomelabGate.Integration;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Integration;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Waits_longer_after_each_failure_and_forgets_after_a_success()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var backoff = new RetryBackoff(time);
        backoff.ThrowIfWaiting("c");
        backoff.Failed("c", "dns down", retryAfter: null);
        var waiting = Assert.Throws<InvalidOperationException>(() => backoff.ThrowIfWaiting("c"));
        Assert.Contains("dns down", waiting.Message, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(73));
        backoff.ThrowIfWaiting("c");
        backoff.Failed("c", "dns down", retryAfter: null);
        time.Advance(TimeSpan.FromSeconds(73));
        Assert.Throws<InvalidOperationException>(() => backoff.ThrowIfWaiting("c"));
        time.Advance(TimeSpan.FromMinutes(3));
        backoff.ThrowIfWaiting("c");
        backoff.Succeeded("c");
        backoff.ThrowIfWaiting("c");
    }

    [Fact]
    public void Honours_a_retry_after_longer_than_its_own_delay()
    {
        var time = new FakeTimeProvider();
        var backoff = new RetryBackoff(time);
        backoff.Failed("c", "rate limited", TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Throws<InvalidOperationException>(() => backoff.ThrowIfWaiting("c"));
        time.Advance(TimeSpan.FromMinutes(2));
        backoff.ThrowIfWaiting("c");
    }

    [Fact]
    public void Keeps_failures_of_one_certificate_from_blocking_another()
    {
        var backoff = new RetryBackoff(new FakeTimeProvider());
        backoff.Failed("a", "x", null);
        backoff.ThrowIfWaiting("b");
    }
}
