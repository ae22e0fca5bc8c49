namespace HomelabGate.Acme.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PebbleCollection : ICollectionFixture<PebbleFixture>
{
    public const string Name = "pebble";
}
