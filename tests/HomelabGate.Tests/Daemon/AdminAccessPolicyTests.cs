using System.Net;
using HomelabGate.Daemon.Status;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Daemon;

public sealed class AdminAccessPolicyTests
{
    private const string Token = "s3cret-token";

    private static DefaultHttpContext Request(string path, string remote, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context;
    }

    private static readonly AdminAccessPolicy NoToken = new(null, tokenConfigured: false);
    private static readonly AdminAccessPolicy WithToken = new(Token, tokenConfigured: true);
    private static readonly AdminAccessPolicy UnreadableToken = new(null, tokenConfigured: true);

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public void Health_and_readiness_are_open_to_anyone_for_container_health_checks(string path)
    {
        Assert.True(NoToken.Allows(Request(path, "192.168.1.50")));
        Assert.True(WithToken.Allows(Request(path, "192.168.1.50")));
        Assert.True(UnreadableToken.Allows(Request(path, "10.0.0.7")));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Without_a_token_loopback_clients_may_use_everything(string remote)
    {
        Assert.True(NoToken.Allows(Request("/api/status", remote)));
        Assert.True(NoToken.Allows(Request("/", remote)));
        Assert.True(NoToken.Allows(Request("/metrics", remote)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    [InlineData("/api/reconcile")]
    public void Without_a_token_other_machines_are_refused(string path) =>
        Assert.False(NoToken.Allows(Request(path, "192.168.1.50")));

    [Fact]
    public void With_a_token_the_right_bearer_is_let_in_from_anywhere()
    {
        Assert.True(WithToken.Allows(Request("/api/status", "192.168.1.50", $"Bearer {Token}")));
        Assert.True(WithToken.Allows(Request("/metrics", "127.0.0.1", $"bearer {Token}")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer s3cret-token-and-more")]
    [InlineData("Bearer s3cret")]
    [InlineData("Basic czNjcmV0LXRva2Vu")]
    [InlineData("s3cret-token")]
    public void With_a_token_loopback_too_needs_the_right_bearer(string? authorization) =>
        Assert.False(WithToken.Allows(Request("/api/status", "127.0.0.1", authorization)));

    [Fact]
    public void A_token_that_cannot_be_read_fails_closed() =>
        Assert.False(UnreadableToken.Allows(Request("/api/status", "127.0.0.1", "Bearer ")));

    [Fact]
    public async Task A_refusal_is_401_with_a_bearer_challenge()
    {
        var context = Request("/api/status", "192.168.1.50");
        context.Response.Body = new MemoryStream();

        await AdminAccessPolicy.RefuseAsync(context);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer realm=\"homelabgate\"", context.Response.Headers.WWWAuthenticate.ToString());
    }
}
