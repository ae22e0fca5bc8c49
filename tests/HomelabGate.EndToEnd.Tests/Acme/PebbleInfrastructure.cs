using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Acme;

/// <summary>One BIND 9 + pebble pair for the ACME tests (started by tests/fixtures/acme-dns/up.sh).</summary>
public sealed class PebbleInfrastructure : IAsyncLifetime
{
    public AcmeDnsInfrastructure Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync() => Infrastructure = await AcmeDnsInfrastructure.StartAsync(startPebble: true);

    public async Task DisposeAsync()
    {
        if (Infrastructure is not null)
        {
            await Infrastructure.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PebbleCollection : ICollectionFixture<PebbleInfrastructure>
{
    public const string Name = "e2e pebble + bind";
}
