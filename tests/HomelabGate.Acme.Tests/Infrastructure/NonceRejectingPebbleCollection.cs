namespace HomelabGate.Acme.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class NonceRejectingPebbleCollection : ICollectionFixture<NonceRejectingPebbleFixture>
{
    public const string Name = "pebble rejecting half of all nonces";
}
