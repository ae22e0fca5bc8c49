namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>Pebble + BIND with pebble's default behaviour (5 % badNonce, 50 % authorization reuse).</summary>
public sealed class PebbleFixture : IAsyncLifetime
{
    public AcmeDnsEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() => Environment = await AcmeDnsEnvironment.StartAsync();

    public async Task DisposeAsync() => await Environment.DisposeAsync();
}
