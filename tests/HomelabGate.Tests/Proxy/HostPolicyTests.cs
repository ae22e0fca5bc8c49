using System.Net;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.Limits;
using HomelabGate.Proxy.Streams;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Proxy;

public sealed class HostPolicyTests
{
    private const string Manifest = """
        version: 1
        hosts:
          app:
            domains: [app.test]
            to: http://10.0.0.5:8080
            forwardAuth: { url: "http://authelia:9091/api/authz/forward-auth", copyHeaders: [Remote-User, Remote-Email, remote-user] }
            rateLimit: { requests: 5, window: 1m }
            compression: true
          plain:
            domains: [plain.test]
            to: http://10.0.0.6:8080
            rateLimit: { requests: 100 }
        streams:
          ssh: { listen: "127.0.0.1:2222", to: "192.168.1.20:22" }
          v6: { listen: "127.0.0.1:2223", to: "[fd00::20]:22" }
        """;

    private static DesiredState Build(string yaml)
    {
        var result = ManifestFixture.Load(yaml);
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        return new DesiredStateBuilder().Build(result.Manifest!.Spec);
    }

    [Fact]
    public void Forward_auth_rate_limits_compression_and_streams_are_served_so_not_reported_as_not_yet_served()
    {
        var result = ManifestFixture.Load(Manifest);

        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.NotYetServed);
    }

    [Fact]
    public void The_host_carries_its_policies_with_header_names_deduplicated_and_the_window_defaulting_to_one_second()
    {
        var desired = Build(Manifest);
        var app = desired.Find<ProxyHost>("app")!;
        var plain = desired.Find<ProxyHost>("plain")!;

        Assert.Equal(new ForwardAuthPolicy("http://authelia:9091/api/authz/forward-auth", new(["Remote-User", "Remote-Email"])), app.ForwardAuth);
        Assert.Equal(new RateLimitPolicy(5, TimeSpan.FromMinutes(1)), app.RateLimit);
        Assert.True(app.Compression);
        Assert.Equal(new RateLimitPolicy(100, TimeSpan.FromSeconds(1)), plain.RateLimit);
        Assert.False(plain.Compression);
        Assert.Null(plain.ForwardAuth);
    }

    [Fact]
    public void Streams_are_part_of_the_settings_and_their_targets_split_into_host_and_port()
    {
        var streams = Build(Manifest).Settings.Streams;

        Assert.Equal([new TcpStream("ssh", "127.0.0.1:2222", "192.168.1.20:22"), new TcpStream("v6", "127.0.0.1:2223", "[fd00::20]:22")], streams);
        Assert.Equal(new TcpStreamTarget("ssh", "192.168.1.20", 22), TcpStreamTarget.From(streams[0]));
        Assert.Equal(new TcpStreamTarget("v6", "fd00::20", 22), TcpStreamTarget.From(streams[1]));
    }

    [Fact]
    public void Rejects_a_zero_rate_limit_window_and_a_copy_header_that_is_not_a_header_name()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  j:\n    domains: [j.test]\n    to: http://a:1\n    rateLimit: { requests: 1, window: 0s }\n    forwardAuth: { url: \"http://auth:1/\", copyHeaders: [\"Remote User\"] }\n");

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("the rate-limit window of host 'j' is zero", errors[0].Summary);
        Assert.Equal("'Remote User' is not a valid header name", errors[1].Summary);
        Assert.Equal(7, errors[1].Location!.Line);
    }

    [Theory]
    [InlineData("127.0.0.1:9180", "'127.0.0.1:9180' is also used by settings.admin")]
    [InlineData("127.0.0.1:8080", "'127.0.0.1:8080' is also used by settings.listen.http")]
    public void Rejects_a_stream_on_a_port_another_listener_already_uses(string listen, string summary)
    {
        var result = ManifestFixture.Load($"version: 1\nstreams:\n  ssh: {{ listen: \"{listen}\", to: \"10.0.0.1:22\" }}\n");

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(summary, error.Summary);
        Assert.Equal(3, error.Location!.Line);
    }

    [Fact]
    public void A_client_gets_the_limit_per_window_and_then_a_retry_after_while_another_client_still_gets_through()
    {
        using var limiter = new ClientRateLimiter(new RateLimitPolicy(3, TimeSpan.FromMinutes(1)), new ClientAddressResolver([]));
        var first = Context("192.168.1.10");
        var second = Context("192.168.1.11");

        var verdicts = Enumerable.Range(0, 4).Select(i => limiter.TryAcquire(first, out _)).ToList();
        var blocked = limiter.TryAcquire(first, out var retryAfter);

        Assert.Equal([true, true, true, false], verdicts);
        Assert.False(blocked);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire(second, out _));
    }

    [Fact]
    public void A_disposed_limiter_lets_requests_through_rather_than_failing_them()
    {
        var limiter = new ClientRateLimiter(new RateLimitPolicy(1, TimeSpan.FromMinutes(1)), new ClientAddressResolver([]));
        var client = Context("10.0.0.1");
        Assert.True(limiter.TryAcquire(client, out _));

        limiter.Dispose();

        Assert.True(limiter.TryAcquire(client, out _));
    }

    private static DefaultHttpContext Context(string ip)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        return context;
    }
}
