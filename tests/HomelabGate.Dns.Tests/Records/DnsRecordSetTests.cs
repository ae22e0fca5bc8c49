using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Tests.Records;

public sealed class DnsRecordSetTests
{
    [Fact]
    public void Record_sets_with_the_same_content_are_equal_and_hash_alike()
    {
        var a = DnsRecordSet.Create("NAS.Home.Test", DnsRecordType.AAAA, 60, "FD00::0001", "fd00::2");
        var b = DnsRecordSet.Create("nas.home.test.", DnsRecordType.AAAA, 60, "fd00::2", "fd00::1");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("nas.home.test.", a.Name);
        Assert.Equal(["fd00::1", "fd00::2"], a.Values);
    }

    [Theory]
    [InlineData(DnsRecordType.A, "10.0.0.1", "10.0.0.2", 60)]
    [InlineData(DnsRecordType.A, "10.0.0.1", "10.0.0.1", 61)]
    [InlineData(DnsRecordType.TXT, "Hello", "hello", 60)]
    public void Record_sets_that_differ_in_a_value_or_the_TTL_are_not_equal(DnsRecordType type, string one, string other, int ttl)
    {
        Assert.NotEqual(DnsRecordSet.Create("x.home.test", type, 60, one), DnsRecordSet.Create("x.home.test", type, ttl, other));
    }

    [Fact]
    public void CNAME_targets_are_made_absolute_and_lower_case()
    {
        Assert.Equal(["storage.home.test."], DnsRecordSet.Create("nas.home.test", DnsRecordType.CNAME, 60, "Storage.Home.Test").Values);
    }
}
