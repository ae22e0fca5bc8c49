using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Serving;

/// <summary>The repository's own homelab.yaml, unchanged but for its listen addresses, served by the real daemon.</summary>
public sealed class ShippedManifestTests(ShippedManifestTests.Daemon daemon) : IClassFixture<ShippedManifestTests.Daemon>
{
    [Theory]
    [InlineData(Client.Curl)]
    [InlineData(Client.HttpClient)]
    public async Task The_shipped_manifest_answers_its_respond_host_with_200_and_its_body(Client client)
    {
        var result = await daemon.Gate.GetAsync(client, "hello.home.test");

        Assert.Equal(200, result.Status);
        Assert.Equal("HomelabGate is running.\n", result.Body);
        Assert.StartsWith("text/plain", result.Header("Content-Type"));
    }

    [Theory]
    [InlineData(Client.Curl)]
    [InlineData(Client.HttpClient)]
    public async Task Every_domain_of_the_shipped_hello_host_gets_the_same_answer(Client client)
    {
        var result = await daemon.Gate.GetAsync(client, "localhost", "/any/path");

        Assert.Equal(200, result.Status);
        Assert.Equal("HomelabGate is running.\n", result.Body);
    }

    [Theory]
    [InlineData(Client.Curl)]
    [InlineData(Client.HttpClient)]
    public async Task An_unknown_host_gets_the_shipped_default_site_with_404(Client client)
    {
        var result = await daemon.Gate.GetAsync(client, "nobody.home.test", "/index.html");

        Assert.Equal(404, result.Status);
        Assert.Equal(Manifests.DefaultSiteBody, result.Body);
    }

    [Theory]
    [InlineData(Client.Curl)]
    [InlineData(Client.HttpClient)]
    public async Task The_shipped_docs_host_redirects_with_302_to_hello_keeping_path_and_query(Client client)
    {
        var result = await daemon.Gate.GetAsync(client, "docs.home.test", "/guide/start?lang=en");

        Assert.Equal(302, result.Status);
        Assert.Equal("http://hello.home.test:8080/guide/start?lang=en", result.Header("Location"));
    }

    public sealed class Daemon : GateFixture
    {
        protected override string InitialManifest() => Manifests.Shipped();
    }
}
