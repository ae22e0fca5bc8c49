using System.Net;
using HomelabGate.Daemon.Status;

namespace HomelabGate.Tests.Daemon;

public sealed class AdminHostCheckTests
{
    [Theory]
    [InlineData("127.0.0.1:9180")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:9180")]
    [InlineData("LOCALHOST:8000")]
    [InlineData("[::1]:9180")]
    [InlineData("127.0.0.2:9180")]
    public void On_a_loopback_listener_loopback_literals_and_localhost_are_accepted_whatever_the_port(string host) =>
        Assert.True(new AdminHostCheck(IPAddress.Loopback).Allows(AdminAccessPolicyTests.Request("/", "127.0.0.1", host: host)));

    [Theory]
    [InlineData("evil.example:9180")]
    [InlineData("localhost.")]
    [InlineData("sub.localhost")]
    [InlineData("127.1:9180")]
    [InlineData("2130706433:9180")]
    [InlineData("0x7f000001")]
    [InlineData("192.168.1.5:9180")]
    [InlineData("[::ffff:127.0.0.1")]
    [InlineData("")]
    public void Names_and_unusual_spellings_are_refused(string host) =>
        Assert.False(new AdminHostCheck(IPAddress.Loopback).Allows(AdminAccessPolicyTests.Request("/", "127.0.0.1", host: host)));

    [Theory]
    [InlineData("192.168.1.5:9180", true)]
    [InlineData("192.168.1.6:9180", false)]
    [InlineData("nas.lan:9180", false)]
    [InlineData("localhost:9180", false)]
    public void On_a_wildcard_listener_the_address_the_client_connected_to_is_accepted(string host, bool allowed) =>
        Assert.Equal(allowed, new AdminHostCheck(IPAddress.Any).Allows(AdminAccessPolicyTests.Request("/", "192.168.1.20", host: host, local: "192.168.1.5")));
}
