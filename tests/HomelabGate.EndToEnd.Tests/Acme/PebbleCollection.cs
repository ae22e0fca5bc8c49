namespace HomelabGate.EndToEnd.Tests.Acme;

/// <summary>One BIND 9 + pebble pair for the ACME tests (the kit's <see cref="PebbleFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PebbleCollection : ICollectionFixture<PebbleFixture>
{
    public const string Name = "e2e pebble + bind";
}
