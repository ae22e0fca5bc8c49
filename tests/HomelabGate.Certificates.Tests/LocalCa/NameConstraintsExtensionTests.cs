using HomelabGate.Core.Desired;
using System.Net;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;

namespace HomelabGate.Certificates.Tests.LocalCa;

public sealed class NameConstraintsExtensionTests
{
    [Fact]
    public void Reads_back_the_constraints_it_wrote()
    {
        var constraints = new NameConstraints([".Home.Test.", "lab.test"], [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("fd00::/8")]);
        using var rootKey = PrivateKey.Generate(KeyType.EcdsaP256);
        using var key = PrivateKey.Generate(KeyType.EcdsaP256);
        var factory = new CaCertificateFactory();
        var now = DateTimeOffset.UtcNow;
        var root = factory.CreateRoot(rootKey, now, TimeSpan.FromDays(10));

        var intermediate = factory.CreateIntermediate(root, rootKey, key, constraints, now, TimeSpan.FromDays(5));

        Assert.Equal(constraints, NameConstraintsExtension.Read(intermediate));
        Assert.Equal(["home.test", "lab.test"], constraints.PermittedDnsSubtrees);
    }

    [Theory]
    [InlineData("home.test", true)]
    [InlineData("nas.home.test", true)]
    [InlineData("*.apps.home.test", true)]
    [InlineData("evilhome.test", false)]
    [InlineData("home.test.evil.com", false)]
    public void Permits_a_subtree_and_everything_below_but_not_lookalikes(string name, bool permitted)
    {
        Assert.Equal(permitted, new NameConstraints(["home.test"]).Permits(name));
    }

    [Fact]
    public void Refuses_constraints_without_a_dns_subtree()
    {
        var error = Assert.Throws<ArgumentException>(() => new NameConstraints([]));

        Assert.StartsWith("name constraints need at least one permitted DNS subtree", error.Message);
    }
}
