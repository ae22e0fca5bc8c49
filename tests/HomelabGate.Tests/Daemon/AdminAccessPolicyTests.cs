using System.Net;
using HomelabGate.Daemon.Status;
using HomelabGate.Proxy.Outbound;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Daemon;

public sealed class AdminAccessPolicyTests
{
    private const string Token = "s3cret-token";
    private static readonly OwnConnections Own = new(TimeProvider.System);
    private static readonly AdminHostCheck LoopbackHosts = new(IPAddress.Loopback);

    internal static DefaultHttpContext Request(string path, string remote, string? authorization = null, string host = "127.0.0.1:9180",
        string local = "127.0.0.1", string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Path = path;
        context.Request.Host = new HostString(host);
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Connection.RemotePort = 40000;
        context.Connection.LocalIpAddress = IPAddress.Parse(local);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context;
    }

    private static readonly AdminAccessPolicy NoToken = new(null, tokenConfigured: false, LoopbackHosts, Own);
    private static readonly AdminAccessPolicy WithToken = new(Token, tokenConfigured: true, LoopbackHosts, Own);
    private static readonly AdminAccessPolicy UnreadableToken = new(null, tokenConfigured: true, LoopbackHosts, Own);

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public void Health_and_readiness_are_open_to_anyone_for_container_health_checks(string path)
    {
        Assert.Null(NoToken.Check(Request(path, "192.168.1.50")));
        Assert.Null(WithToken.Check(Request(path, "192.168.1.50", host: "evil.example")));
        Assert.Null(UnreadableToken.Check(Request(path, "10.0.0.7")));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Without_a_token_loopback_clients_may_use_everything(string remote)
    {
        Assert.Null(NoToken.Check(Request("/api/status", remote)));
        Assert.Null(NoToken.Check(Request("/", remote, host: "localhost:9180")));
        Assert.Null(NoToken.Check(Request("/metrics", remote)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    [InlineData("/api/reconcile")]
    public void Without_a_token_other_machines_are_refused(string path) =>
        Assert.Equal(401, NoToken.Check(Request(path, "192.168.1.50"))?.Status);

    [Fact]
    public void With_a_token_the_right_bearer_is_let_in_from_anywhere_whatever_the_host_name()
    {
        Assert.Null(WithToken.Check(Request("/api/status", "192.168.1.50", $"Bearer {Token}", host: "nas.lan:9180")));
        Assert.Null(WithToken.Check(Request("/metrics", "127.0.0.1", $"bearer {Token}")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer s3cret-token-and-more")]
    [InlineData("Bearer s3cret")]
    [InlineData("Basic czNjcmV0LXRva2Vu")]
    [InlineData("s3cret-token")]
    public void With_a_token_loopback_too_needs_the_right_bearer(string? authorization) =>
        Assert.Equal(401, WithToken.Check(Request("/api/status", "127.0.0.1", authorization))?.Status);

    [Fact]
    public void A_token_that_cannot_be_read_fails_closed() =>
        Assert.Equal(401, UnreadableToken.Check(Request("/api/status", "127.0.0.1", "Bearer "))?.Status);

    [Theory]
    [InlineData("evil.example:9180")]
    [InlineData("evil.example")]
    [InlineData("localhost.:9180")]
    [InlineData("127.0.0.1.nip.io:9180")]
    [InlineData("")]
    public void Without_a_token_a_host_name_other_than_the_listeners_is_misdirected_as_dns_rebinding_would_be(string host)
    {
        var refusal = NoToken.Check(Request("/api/status", "127.0.0.1", host: host));

        Assert.Equal(421, refusal?.Status);
        Assert.StartsWith("misdirected: the admin listener answers to Host 127.0.0.1 or localhost", refusal!.Reason);
    }

    [Fact]
    public void A_request_from_one_of_the_gates_own_upstream_connections_is_not_local()
    {
        var own = new OwnConnections(TimeProvider.System);
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Connect((IPEndPoint)listener.LocalEndpoint);
        using var registration = own.Track(socket);
        var context = Request("/api/status", "127.0.0.1");
        context.Connection.RemotePort = ((IPEndPoint)socket.LocalEndPoint!).Port;

        var refusal = new AdminAccessPolicy(null, tokenConfigured: false, LoopbackHosts, own).Check(context);

        Assert.Equal(403, refusal?.Status);
        Assert.Contains("relayed by the gate itself", refusal!.Reason);
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("x-forwarded-host")]
    [InlineData("Forwarded")]
    [InlineData("X-Real-IP")]
    public void A_loopback_request_carrying_forwarding_headers_was_relayed_and_is_not_local(string header)
    {
        var context = Request("/api/status", "127.0.0.1");
        context.Request.Headers[header] = "203.0.113.9";

        Assert.Equal(403, NoToken.Check(context)?.Status);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("text/plain", null, null)]
    [InlineData("application/x-www-form-urlencoded", "http://evil.example", null)]
    [InlineData("multipart/form-data; boundary=x", "null", null)]
    [InlineData("text/plain", "http://127.0.0.1:9181", null)]
    public void A_state_changing_request_that_a_cross_site_page_could_send_is_refused(string? contentType, string? origin, string? custom)
    {
        Assert.Equal(403, NoToken.Check(Post(contentType, origin, custom))?.Status);
        Assert.Equal(403, WithToken.Check(Post(contentType, origin, custom, $"Bearer {Token}"))?.Status);
    }

    [Theory]
    [InlineData(null, null, "1")]
    [InlineData("application/json", null, null)]
    [InlineData("application/json; charset=utf-8", "http://evil.example", null)]
    [InlineData("text/plain", "http://127.0.0.1:9180", null)]
    public void A_state_changing_request_with_a_custom_header_json_or_the_listeners_own_origin_is_let_through(string? contentType, string? origin, string? custom) =>
        Assert.Null(NoToken.Check(Post(contentType, origin, custom)));

    private static DefaultHttpContext Post(string? contentType, string? origin, string? custom, string? authorization = null)
    {
        var context = Request("/api/reconcile", "127.0.0.1", authorization, method: "POST");
        context.Request.ContentType = contentType;
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }
        if (custom is not null)
        {
            context.Request.Headers[CrossSiteCheck.HeaderName] = custom;
        }
        return context;
    }

    [Fact]
    public async Task A_refusal_for_want_of_a_token_is_401_with_a_bearer_challenge()
    {
        var context = Request("/api/status", "192.168.1.50");
        context.Response.Body = new MemoryStream();

        await NoToken.Check(context)!.WriteAsync(context);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer realm=\"homelabgate\"", context.Response.Headers.WWWAuthenticate.ToString());
    }
}
