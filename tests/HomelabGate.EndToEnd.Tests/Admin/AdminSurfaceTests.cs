using System.Globalization;
using System.Net;
using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>The admin listener without a token trusts only local clients: not a page whose DNS name was re-pointed at
/// loopback (its Host still names it), not a cross-site POST, not a request a proxy relayed — including the gate's own
/// forward-auth client.</summary>
public sealed class AdminSurfaceTests(AdminSurfaceTests.Daemon daemon) : IClassFixture<AdminSurfaceTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    private int AdminPort => Gate.Workspace.Ports.Admin;

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{0}")]
    [InlineData("rebind.127.0.0.1.nip.io:{0}")]
    [InlineData("LOCALHOST.:{0}")]
    public async Task A_request_naming_another_host_as_dns_rebinding_sends_it_is_misdirected(string host)
    {
        var result = await Curl.GetWithHostHeaderAsync(AdminPort, string.Format(CultureInfo.InvariantCulture, host, AdminPort), "/api/status");

        Assert.True(result.Status == 421, result.ToString());
        Assert.StartsWith("misdirected: the admin listener answers to Host 127.0.0.1 or localhost, not '", result.Body);
        Assert.DoesNotContain("servingManifestHash", result.Body);
    }

    [Theory]
    [InlineData("127.0.0.1:{0}")]
    [InlineData("localhost:{0}")]
    [InlineData("localhost:8000")]
    [InlineData("[::1]:{0}")]
    public async Task The_listeners_own_names_are_served(string host)
    {
        var result = await Curl.GetWithHostHeaderAsync(AdminPort, string.Format(CultureInfo.InvariantCulture, host, AdminPort), "/api/status");

        Assert.True(result.Status == 200, result.ToString());
        Assert.Contains("servingManifestHash", result.Body);
    }

    [Fact]
    public async Task Generated_host_names_are_served_only_when_they_name_the_loopback_listener()
    {
        var random = new Random(1127);
        var served = 0;
        for (var i = 0; i < 150; i++)
        {
            var (host, allowed) = HostNames.Next(random, AdminPort);
            var answer = await RawHttp.SendAsync(AdminPort, $"GET /api/status HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

            var status = answer.Status;
            Assert.True(allowed ? status == 200 : status is 421 or 400, $"Host: {host} (expected {(allowed ? "200" : "421 or 400")}) got {answer}");
            served += status == 200 ? 1 : 0;
        }
        Assert.InRange(served, 20, 130);
    }

    [Fact]
    public async Task A_cross_site_text_plain_post_does_not_reconcile_and_the_clis_header_does()
    {
        var before = await Gate.LastReconcileAsync();

        var crossSite = await Gate.PostReconcileAsync("text/plain", ("Origin", "http://evil.example"));
        var form = await Gate.PostReconcileAsync("application/x-www-form-urlencoded");
        await Gate.AssertNoReconcilePostSinceAsync(before);
        var withHeader = await Gate.PostReconcileAsync("text/plain", ("X-HomelabGate", "1"));
        var afterHeader = await Gate.LastReconcileAsync();
        var json = await Gate.PostReconcileAsync("application/json");

        Assert.True(crossSite.Status == 403, crossSite.ToString());
        Assert.Equal("forbidden: a state-changing request needs the header 'X-HomelabGate: 1' (cross-site requests are refused)\n", crossSite.Body);
        Assert.Equal(403, form.Status);
        Assert.True(withHeader.Status == 200, withHeader.ToString());
        Assert.True(json.Status == 200, json.ToString());
        Assert.StartsWith("gate apply at ", afterHeader);
        Assert.NotEqual(afterHeader, await Gate.LastReconcileAsync());
    }

    [Theory]
    [InlineData("X-Forwarded-For: 203.0.113.9")]
    [InlineData("Forwarded: for=203.0.113.9")]
    [InlineData("X-Real-IP: 203.0.113.9")]
    public async Task A_request_that_a_proxy_relayed_is_not_local(string header)
    {
        var result = await Curl.RunAsync("-H", header, Gate.AdminUrl("/api/status").ToString());

        Assert.True(result.Status == 403, result.ToString());
        Assert.Contains("was relayed by a proxy, so it is not local", result.Body);
    }

    [Fact]
    public async Task A_forward_auth_url_on_the_admin_listener_is_the_gates_own_request_and_is_refused_there()
    {
        var before = daemon.Upstream.Requests;

        var result = await Gate.GetAsync("guarded.test", "/");

        Assert.True(result.Status == 403, result.ToString());
        Assert.Contains("relayed by the gate itself", result.Body);
        Assert.Equal(before, daemon.Upstream.Requests);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public LoopbackServer Upstream { get; private set; } = null!;

        protected override async Task<string> StartServersAsync()
        {
            Upstream = Own(await LoopbackServer.StartAsync(context => context.Response.WriteAsync("the protected app")));
            return Manifests.Header;
        }

        /// <summary>Validation would refuse a forward-auth URL on the admin listener; served after moving settings.admin,
        /// it slips past, as a target validation cannot see would.</summary>
        protected override string ManifestAfterStart() => Manifests.HeaderWithAdminMoved() + $$"""
            hosts:
              guarded:
                domains: [guarded.test]
                to: {{Upstream.Address}}
                forwardAuth: { url: "http://<admin>/api/status" }
            """;
    }
}
