using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>The admin listener answers on its own port only; the proxy port never exposes it, whatever the Host header.</summary>
public sealed class AdminEndpointTests(AdminEndpointTests.Daemon daemon) : IClassFixture<AdminEndpointTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    [Theory]
    [InlineData("/healthz", "ok\n")]
    [InlineData("/readyz", "ready\n")]
    public async Task Health_and_readiness_answer_200_on_the_admin_port(string path, string body)
    {
        var result = await Gate.AdminGetAsync(path);

        Assert.Equal(200, result.Status);
        Assert.Equal(body, result.Body);
    }

    [Fact]
    public async Task Api_status_lists_every_host_with_its_domains()
    {
        var status = await Gate.StatusAsync();

        var hosts = status["hosts"]!.AsArray()
            .ToDictionary(h => (string)h!["name"]!, h => h!["domains"]!.AsArray().Select(d => (string)d!).ToList());
        Assert.Equal(["one.test"], hosts["one"]);
        Assert.Equal(["a.two.test", "b.two.test"], hosts["two"]);
        Assert.Equal(2, hosts.Count);
        Assert.True((bool?)status["ready"]);
        Assert.Equal("applied", DaemonStatus.LastResult(status));
    }

    [Theory]
    [InlineData(Client.Curl, "/api/status")]
    [InlineData(Client.HttpClient, "/api/status")]
    [InlineData(Client.Curl, "/healthz")]
    [InlineData(Client.HttpClient, "/api/history")]
    public async Task The_proxy_port_answers_admin_paths_with_the_default_site_even_with_the_admin_host_header(Client client, string path)
    {
        var adminAuthority = Gate.Workspace.Ports.AdminAddress;

        var result = client == Client.Curl
            ? await Curl.GetWithHostHeaderAsync(Gate.Workspace.Ports.Proxy, adminAuthority, path)
            : await Gate.GetAsync(adminAuthority, path);

        Assert.Equal(404, result.Status);
        Assert.Equal("not here", result.Body);
        Assert.DoesNotContain("servingManifestHash", result.Body);
    }

    [Fact]
    public async Task The_admin_port_does_not_proxy_virtual_hosts()
    {
        // A virtual host's name is not the admin listener's, so it is refused rather than routed.
        var result = await TestHttp.GetAsync(Gate.AdminUrl("/index.html"), host: "one.test");

        Assert.Equal(421, result.Status);
        Assert.StartsWith("misdirected: the admin listener answers to Host", result.Body);
        Assert.Equal(404, (await Gate.AdminGetAsync("/index.html")).Status);
    }

    public sealed class Daemon : GateFixture
    {
        private const string DefaultSite = "settings:\n  defaultSite:\n    status: 404\n    body: not here\n";

        protected override string InitialManifest() => Manifests.Header.Replace("settings:\n", DefaultSite, StringComparison.Ordinal) + """
            hosts:
              one:
                domains: [one.test]
                respond:
                  body: one
              two:
                domains: [b.two.test, a.two.test]
                respond:
                  body: two
            """;
    }
}
