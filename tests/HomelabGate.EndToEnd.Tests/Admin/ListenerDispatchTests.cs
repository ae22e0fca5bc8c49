using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>A proxy listener on 127.0.0.2:P beside the admin listener on 127.0.0.1:P: requests are dispatched by the
/// listener that accepted them, so the same port number on another address never reaches the admin API.</summary>
public sealed class ListenerDispatchTests(ListenerDispatchTests.Daemon daemon) : IClassFixture<ListenerDispatchTests.Daemon>
{
    private static readonly System.Net.IPAddress ProxyAddress = System.Net.IPAddress.Parse("127.0.0.2");

    private GateProcess Gate => daemon.Gate;

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    [InlineData("/")]
    public async Task The_proxy_listener_on_the_admin_port_number_answers_with_the_default_site(string path)
    {
        var answer = await RawHttp.SendAsync(Gate.Workspace.Ports.Admin, $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", to: ProxyAddress);

        Assert.True(answer.Status == 404, answer.ToString());
        Assert.Contains("not the admin", answer.Text);
        Assert.DoesNotContain("servingManifestHash", answer.Text);
    }

    [Fact]
    public async Task The_same_port_on_the_admin_address_is_the_admin_api_and_virtual_hosts_are_served_on_the_proxy_address()
    {
        var admin = await Gate.AdminGetAsync("/api/status");
        var proxied = await RawHttp.SendAsync(Gate.Workspace.Ports.Admin, "GET / HTTP/1.1\r\nHost: hello.test\r\nConnection: close\r\n\r\n", to: ProxyAddress);

        Assert.Contains("servingManifestHash", admin.Body);
        Assert.True(proxied.Status == 200 && proxied.Text.EndsWith("hello\n", StringComparison.Ordinal), proxied.ToString());
    }

    public sealed class Daemon : GateFixture
    {
        protected override string InitialManifest() => """
            version: 1
            settings:
              listen:
                http: "127.0.0.2:<admin-port>"
              admin: "<admin>"
              defaultSite:
                status: 404
                body: "not the admin"
            hosts:
              hello:
                domains: [hello.test]
                respond:
                  body: "hello\n"
            """;
    }
}
