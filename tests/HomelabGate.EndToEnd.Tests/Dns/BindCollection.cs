namespace HomelabGate.EndToEnd.Tests.Dns;

/// <summary>One BIND 9 for the DNS tests (the kit's <see cref="BindFixture"/>: zone home.test, updates signed with TSIG).</summary>
[CollectionDefinition(Name)]
public sealed class BindCollection : ICollectionFixture<BindFixture>
{
    public const string Name = "e2e bind";
}
