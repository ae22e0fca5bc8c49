using HomelabGate.Core.Desired;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Tests.Keys;

public sealed class PrivateKeyTests
{
    [Fact]
    public void Never_shows_key_material_in_ToString()
    {
        using var key = PrivateKey.Generate(KeyType.EcdsaP256);
        var body = key.ExportPkcs8Pem().Split('\n')[1];

        Assert.Equal("EcdsaP256 private key (redacted)", key.ToString());
        Assert.DoesNotContain(body, key.ToString());
    }

    [Fact]
    public void Never_quotes_a_damaged_key_in_the_error()
    {
        using var key = PrivateKey.Generate(KeyType.Rsa2048);
        var damaged = key.ExportPkcs8Pem().Replace("MII", "M!I");

        var error = Assert.Throws<FormatException>(() => PrivateKey.FromPem(damaged));

        Assert.Equal("not a PEM-encoded ECDSA or RSA private key", error.Message);
    }

    [Theory]
    [InlineData(KeyType.EcdsaP256)]
    [InlineData(KeyType.Rsa2048)]
    [InlineData(KeyType.Rsa3072)]
    public void Round_trips_through_pem_with_its_algorithm(KeyType algorithm)
    {
        using var key = PrivateKey.Generate(algorithm);

        using var read = PrivateKey.FromPem(key.ExportPkcs8Pem());

        Assert.Equal(algorithm, read.Algorithm);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), read.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void A_stored_certificate_prints_no_key_material()
    {
        using var key = PrivateKey.Generate(KeyType.EcdsaP256);
        var request = key.CreateRequest(new("CN=x"));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));

        var text = new StoredCertificate("x", cert, [], key, null).ToString();

        Assert.DoesNotContain("PRIVATE KEY", text);
        Assert.DoesNotContain(key.ExportPkcs8Pem().Split('\n')[1], text);
    }
}
