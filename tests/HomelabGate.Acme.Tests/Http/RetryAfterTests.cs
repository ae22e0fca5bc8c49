using HomelabGate.Acme.Http;

namespace HomelabGate.Acme.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Thu, 26 Nov 2026 12:00:30 GMT", 30)]
    [InlineData("Thu, 26 Nov 2026 11:00:00 GMT", 0)]
    public void A_delay_or_an_HTTP_date_becomes_a_wait_from_now(string header, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(header, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    public void A_missing_or_unreadable_header_means_no_advice(string? header)
    {
        Assert.Null(RetryAfter.Parse(header, Now));
    }
}
