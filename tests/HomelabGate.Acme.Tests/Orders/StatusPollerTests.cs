using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Acme.Tests.Orders;

public sealed class StatusPollerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _fetchedAt = [];
    private readonly DateTimeOffset _start;

    public StatusPollerTests() => _start = _time.GetUtcNow();

    private static AcmeOrder Order(AcmeStatus status, TimeSpan? retryAfter = null) => new()
    {
        Url = new Uri("https://ca.test/order/1"),
        Status = status,
        RetryAfter = retryAfter,
        Identifiers = [],
        Authorizations = [],
        Finalize = new Uri("https://ca.test/order/1/finalize"),
    };

    private Task<AcmeOrder> Poll(TimeSpan timeout, params AcmeOrder[] answers)
    {
        var queue = new Queue<AcmeOrder>(answers);
        var poller = new StatusPoller(_time, new AcmeOrderOptions { PollInterval = TimeSpan.FromMilliseconds(500), MaxPollInterval = TimeSpan.FromMinutes(1) });
        return poller.UntilAsync("the order", _ =>
        {
            lock (_fetchedAt)
            {
                _fetchedAt.Add(_time.GetUtcNow() - _start);
            }
            return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
        }, s => s is AcmeStatus.Valid or AcmeStatus.Invalid, timeout, CancellationToken.None);
    }

    private void AdvanceAndSettle(TimeSpan by, int expectedFetches)
    {
        _time.Advance(by);
        Assert.True(SpinWait.SpinUntil(() => { lock (_fetchedAt) { return _fetchedAt.Count >= expectedFetches; } }, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_CAs_Retry_After_decides_when_to_ask_again()
    {
        var done = Poll(TimeSpan.FromMinutes(1), Order(AcmeStatus.Processing, TimeSpan.FromSeconds(3)), Order(AcmeStatus.Valid));

        _time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(50);
        Assert.Single(_fetchedAt);
        AdvanceAndSettle(TimeSpan.FromSeconds(0.1), 2);

        Assert.Equal(AcmeStatus.Valid, (await done).Status);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(3)], _fetchedAt);
    }

    [Fact]
    public async Task Without_Retry_After_the_default_interval_is_used()
    {
        var done = Poll(TimeSpan.FromMinutes(1), Order(AcmeStatus.Pending), Order(AcmeStatus.Pending), Order(AcmeStatus.Valid));

        AdvanceAndSettle(TimeSpan.FromMilliseconds(500), 2);
        AdvanceAndSettle(TimeSpan.FromMilliseconds(500), 3);

        Assert.Equal(AcmeStatus.Valid, (await done).Status);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], _fetchedAt);
    }

    [Fact]
    public async Task Polling_gives_up_at_the_deadline_with_a_transient_error()
    {
        var done = Poll(TimeSpan.FromSeconds(2), Order(AcmeStatus.Processing));

        for (var i = 2; i <= 4; i++)
        {
            AdvanceAndSettle(TimeSpan.FromMilliseconds(500), i);
        }
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<AcmeException>(() => done);
        Assert.Equal("the order was still processing after 2 s; giving up", error.Message);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(2_000, 2_000)]
    [InlineData(3_600_000, 60_000)]
    public void Retry_After_is_honoured_within_sane_bounds(int retryAfterMs, int expectedMs)
    {
        var poller = new StatusPoller(_time, new AcmeOrderOptions { MaxPollInterval = TimeSpan.FromMinutes(1) });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), poller.NextWait(TimeSpan.FromMilliseconds(retryAfterMs)));
    }
}
