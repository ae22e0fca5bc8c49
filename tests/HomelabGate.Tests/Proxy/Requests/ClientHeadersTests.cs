using System.Net;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.Requests;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Proxy.Requests;

public sealed class ClientHeadersTests
{
    private static readonly string[] Spoofed =
        ["X-Real-IP", "Forwarded", "X-Forwarded-For", "x-forwarded-host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server"];

    private static DefaultHttpContext Request(string peer, params string[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("app.test");
        foreach (var name in headers)
        {
            context.Request.Headers[name] = "6.6.6.6";
        }
        return context;
    }

    private static void Prepare(HttpContext context, params string[] trusted)
    {
        var resolver = new ClientAddressResolver([.. trusted.Select(IPNetwork.Parse)]);
        ClientHeaders.Scrub(context, resolver.TrustsPeer(context));
        ClientHeaders.AddForwarding(context, resolver.Resolve(context));
    }

    [Fact]
    public void From_an_untrusted_peer_every_forwarding_header_is_replaced_by_the_gates_own()
    {
        var context = Request("203.0.113.7", Spoofed);

        Prepare(context);

        var headers = context.Request.Headers;
        Assert.Equal("203.0.113.7", headers["X-Forwarded-For"]);
        Assert.Equal("203.0.113.7", headers["X-Real-IP"]);
        Assert.Equal("https", headers["X-Forwarded-Proto"]);
        Assert.Equal("app.test", headers["X-Forwarded-Host"]);
        Assert.False(headers.ContainsKey("Forwarded"));
        Assert.False(headers.ContainsKey("X-Forwarded-Port"));
        Assert.False(headers.ContainsKey("X-Forwarded-Prefix"));
        Assert.DoesNotContain(headers, h => h.Value.ToString().Contains("6.6.6.6", StringComparison.Ordinal));
    }

    [Fact]
    public void From_a_trusted_proxy_its_headers_are_kept_and_the_peer_is_appended_to_x_forwarded_for()
    {
        var context = Request("10.0.0.2", "Forwarded", "X-Forwarded-Proto");
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.4";

        Prepare(context, "10.0.0.0/8");

        var headers = context.Request.Headers;
        Assert.Equal("198.51.100.4,10.0.0.2", string.Join(',', headers["X-Forwarded-For"].ToArray()));
        Assert.Equal("198.51.100.4", headers["X-Real-IP"]);
        Assert.Equal("6.6.6.6", headers["X-Forwarded-Proto"]);
        Assert.Equal("6.6.6.6", headers["Forwarded"]);
        Assert.Equal("app.test", headers["X-Forwarded-Host"]);
    }

    [Theory]
    [InlineData("Remote_User")]
    [InlineData("remote_user")]
    [InlineData("X_Forwarded_For")]
    [InlineData("X_Real_IP")]
    [InlineData("_")]
    public void A_header_with_an_underscore_is_dropped_even_from_a_trusted_proxy(string name)
    {
        var context = Request("10.0.0.2", name, "Remote-User");

        Prepare(context, "10.0.0.0/8");

        Assert.False(context.Request.Headers.ContainsKey(name));
        Assert.Equal("6.6.6.6", context.Request.Headers["Remote-User"]);
    }
}
