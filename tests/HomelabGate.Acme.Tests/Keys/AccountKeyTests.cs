using HomelabGate.Core.Desired;
using System.Security.Cryptography;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Tests.Keys;

public sealed class AccountKeyTests
{
    [Theory]
    [InlineData(KeyType.EcdsaP256, "ES256")]
    [InlineData(KeyType.Rsa2048, "RS256")]
    public void An_exported_key_imports_as_the_same_account(KeyType algorithm, string jwsAlgorithm)
    {
        using var key = AccountKey.Create(algorithm);

        using var again = AccountKey.ImportPem(key.ExportPem());

        Assert.Equal(key.Jwk, again.Jwk);
        Assert.Equal(jwsAlgorithm, again.JwsAlgorithm);
    }

    [Fact]
    public void A_SEC1_EC_private_key_is_accepted()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var key = AccountKey.ImportPem(ec.ExportECPrivateKeyPem());

        Assert.Equal("ES256", key.JwsAlgorithm);
    }

    [Fact]
    public void ToString_shows_the_thumbprint_and_never_key_material()
    {
        using var key = AccountKey.Create();
        var pem = key.ExportPem();
        var body = pem.Split('\n')[1];

        Assert.Equal($"AccountKey(ES256, thumbprint {key.Jwk.Thumbprint()})", key.ToString());
        Assert.DoesNotContain(body, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_P384_key_is_refused_because_ES256_needs_P256()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<CryptographicException>(() => AccountKey.ImportPem(ec.ExportPkcs8PrivateKeyPem()));

        Assert.Equal("only the P-256 curve is supported for ECDSA keys", error.Message);
    }

    [Fact]
    public void A_short_RSA_key_is_refused()
    {
        using var rsa = RSA.Create(1024);

        var error = Assert.Throws<CryptographicException>(() => AccountKey.ImportPem(rsa.ExportPkcs8PrivateKeyPem()));

        Assert.Equal("RSA keys must have at least 2048 bits (this one has 1024)", error.Message);
    }

    [Fact]
    public void A_PEM_that_is_not_a_key_is_refused_without_echoing_it()
    {
        const string notAKey = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXN0dWZm\n-----END PRIVATE KEY-----";

        var error = Assert.Throws<CryptographicException>(() => AccountKey.ImportPem(notAKey));

        Assert.Equal("the key PEM is neither an ECDSA P-256 nor an RSA private key", error.Message);
    }
}
