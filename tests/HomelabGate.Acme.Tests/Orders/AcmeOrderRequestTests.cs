using HomelabGate.Acme.Orders;

namespace HomelabGate.Acme.Tests.Orders;

public sealed class AcmeOrderRequestTests
{
    [Fact]
    public void Names_are_lower_cased_stripped_of_the_root_dot_and_deduplicated_in_order()
    {
        var request = new AcmeOrderRequest(["Home.Test.", "*.home.test", "home.test"]);

        Assert.Equal(["home.test", "*.home.test"], request.Domains);
    }

    [Theory]
    [InlineData("foo.*.home.test")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("bad name.home.test")]
    [InlineData("a..b")]
    public void A_name_that_is_not_a_DNS_name_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new AcmeOrderRequest([name]));

        Assert.StartsWith($"'{name.ToLowerInvariant().TrimEnd('.')}' is not a DNS name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_request_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AcmeOrderRequest([]));
    }
}
