using HomelabGate.Testing.AcmeDns;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>A second pebble that rejects half of all nonces (PEBBLE_WFE_NONCEREJECT=50), for the retry path.</summary>
public sealed class NonceRejectingPebbleFixture : PebbleFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraEnvironment => new Dictionary<string, string> { ["PEBBLE_WFE_NONCEREJECT"] = "50" };
}
