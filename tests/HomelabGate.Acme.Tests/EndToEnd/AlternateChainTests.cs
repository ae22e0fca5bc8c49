using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Tests.Infrastructure;

namespace HomelabGate.Acme.Tests.EndToEnd;

/// <summary>Owns a pebble with a second root (PEBBLE_ALTERNATE_ROOTS=1): the certificate download links an alternate chain.</summary>
public sealed class AlternateChainTests : IAsyncLifetime
{
    private AcmeDnsEnvironment _env = null!;

    public async Task InitializeAsync() =>
        _env = await AcmeDnsEnvironment.StartAsync(environment: new Dictionary<string, string> { ["PEBBLE_ALTERNATE_ROOTS"] = "1" });

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task The_chain_to_the_preferred_root_is_chosen_and_the_default_chain_otherwise()
    {
        var alternateRoot = await RootAsync(1);
        var defaultRoot = await RootAsync(0);
        Assert.NotEqual(alternateRoot.Name, defaultRoot.Name);
        using var acme = new AcmeTestClient(_env);

        var preferred = await acme.Runner.OrderAsync(
            new AcmeOrderRequest([$"{AcmeTestClient.UniqueLabel("alt")}.{_env.Zone}"], preferredChainIssuer: alternateRoot.Name),
            _env.CreateSolver(), _env.CreatePropagationCheck(), CancellationToken.None);
        var unspecified = await acme.Runner.OrderAsync(
            new AcmeOrderRequest([$"{AcmeTestClient.UniqueLabel("def")}.{_env.Zone}"]),
            _env.CreateSolver(), _env.CreatePropagationCheck(), CancellationToken.None);

        Assert.Equal(alternateRoot.Name, preferred.IssuerName);
        Assert.Equal("leaf.pem: OK", await CertificateChecks.OpensslVerifyAsync(preferred, alternateRoot.Path));
        Assert.Equal(defaultRoot.Name, unspecified.IssuerName);
        Assert.Equal("leaf.pem: OK", await CertificateChecks.OpensslVerifyAsync(unspecified, defaultRoot.Path));
    }

    private async Task<(string Name, string Path)> RootAsync(int index)
    {
        using var http = _env.CreateHttpClient();
        var pem = await http.GetStringAsync(new Uri(new Uri(_env.ManagementUrl), $"/roots/{index}"));
        using var root = X509Certificate2.CreateFromPem(pem);
        var path = Path.Combine(_env.StateDir, $"root-{index}.pem");
        await File.WriteAllTextAsync(path, pem);
        return (root.GetNameInfo(X509NameType.SimpleName, forIssuer: false), path);
    }
}
