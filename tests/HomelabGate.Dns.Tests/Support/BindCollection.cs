namespace HomelabGate.Dns.Tests.Support;

[CollectionDefinition(Name)]
public sealed class BindCollection : ICollectionFixture<BindFixture>
{
    public const string Name = "real BIND 9";
}
