namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>A second pebble that rejects half of all nonces (PEBBLE_WFE_NONCEREJECT=50), for the retry path.</summary>
public sealed class NonceRejectingPebbleFixture : IAsyncLifetime
{
    public AcmeDnsEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Environment = await AcmeDnsEnvironment.StartAsync(new Dictionary<string, string> { ["PEBBLE_WFE_NONCEREJECT"] = "50" });

    public async Task DisposeAsync() => await Environment.DisposeAsync();
}
