using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Dns;

/// <summary>One BIND 9 for the DNS tests (tests/fixtures/acme-dns/up.sh with START_PEBBLE=0), zone home.test,
/// updates signed with TSIG.</summary>
public sealed class BindInfrastructure : IAsyncLifetime
{
    public AcmeDnsInfrastructure Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync() => Infrastructure = await AcmeDnsInfrastructure.StartAsync(startPebble: false);

    public async Task DisposeAsync()
    {
        if (Infrastructure is not null)
        {
            await Infrastructure.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BindCollection : ICollectionFixture<BindInfrastructure>
{
    public const string Name = "e2e bind";
}
