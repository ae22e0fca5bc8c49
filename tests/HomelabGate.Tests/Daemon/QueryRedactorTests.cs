using HomelabGate.Daemon.AccessLog;

namespace HomelabGate.Tests.Daemon;

public sealed class QueryRedactorTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("?", "")]
    [InlineData("?page=2&sort=name", "?page=2&sort=name")]
    [InlineData("?token=abc", "?token=REDACTED")]
    [InlineData("?q=cats&access_token=abc&page=2", "?q=cats&access_token=REDACTED&page=2")]
    [InlineData("?password=hunter2&user=bob", "?password=REDACTED&user=bob")]
    [InlineData("?api_key=1&apiKey=2&KEY=3", "?api_key=REDACTED&apiKey=REDACTED&KEY=REDACTED")]
    [InlineData("?client_secret=x", "?client_secret=REDACTED")]
    [InlineData("?code=oauth-code&state=xyz", "?code=REDACTED&state=xyz")]
    [InlineData("?api%5Fkey=encoded-name", "?api%5Fkey=REDACTED")]
    [InlineData("?pass+word=plus-space", "?pass+word=REDACTED")]
    [InlineData("?flag&token=", "?flag&token=REDACTED")]
    [InlineData("?X-Amz-Signature=abc&X-Amz-Date=1", "?X-Amz-Signature=REDACTED&X-Amz-Date=1")]
    public void Redacts_values_of_credential_like_names_only(string query, string expected) =>
        Assert.Equal(expected, QueryRedactor.Redact(query));

    [Fact]
    public void Never_lets_the_value_through_however_the_name_is_cased()
    {
        var redacted = QueryRedactor.Redact("?Authorization=Bearer%20xyz&SessionId=s1&Secret=z");

        Assert.DoesNotContain("xyz", redacted);
        Assert.DoesNotContain("s1", redacted);
        Assert.DoesNotContain("=z", redacted);
    }
}
