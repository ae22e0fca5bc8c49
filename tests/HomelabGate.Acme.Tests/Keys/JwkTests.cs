using System.Security.Cryptography;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Tests.Keys;

public sealed class JwkTests
{
    // RFC 7638 §3.1: the example RSA key and its published thumbprint.
    private const string Rfc7638Modulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn6" +
        "4tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n9" +
        "1CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    [Fact]
    public void The_thumbprint_of_the_RFC_7638_example_key_matches_the_published_value()
    {
        var jwk = Jwk.FromRsa(Base64Url.DecodeFromChars(Rfc7638Modulus), Base64Url.DecodeFromChars("AQAB"));

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", jwk.Thumbprint());
    }

    [Fact]
    public void An_RSA_account_key_built_from_the_RFC_7638_modulus_has_the_published_thumbprint()
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(Rfc7638Modulus), Exponent = [1, 0, 1] });
        var p = rsa.ExportParameters(false);

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", Jwk.FromRsa(p.Modulus, p.Exponent).Thumbprint());
    }

    [Fact]
    public void An_EC_key_is_written_with_only_the_required_members_in_lexicographic_order()
    {
        var point = new ECPoint { X = new byte[32], Y = Enumerable.Repeat((byte)0xff, 32).ToArray() };

        var jwk = Jwk.FromEcPoint(point);

        Assert.Equal("""{"crv":"P-256","kty":"EC","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"__________________________________________8"}""", jwk.CanonicalJson);
    }

    [Fact]
    public void Leading_zero_bytes_of_an_RSA_modulus_are_not_encoded()
    {
        var jwk = Jwk.FromRsa([0, 0xc3], [0, 1, 0, 1]);

        Assert.Equal("""{"e":"AQAB","kty":"RSA","n":"ww"}""", jwk.CanonicalJson);
    }
}
