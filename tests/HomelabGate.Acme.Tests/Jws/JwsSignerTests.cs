using HomelabGate.Core.Desired;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomelabGate.Acme.Jws;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Tests.Jws;

public sealed class JwsSignerTests
{
    private static readonly Uri Url = new("https://ca.test/acme/new-order");
    private static readonly Uri Kid = new("https://ca.test/acme/acct/7");

    [Fact]
    public void An_ES256_signature_verifies_with_the_public_key_from_the_embedded_jwk()
    {
        using var key = AccountKey.Create(KeyType.EcdsaP256);

        var jws = JwsTestReader.Parse(new JwsSigner(key).Sign(Url, "nonce-1", null, """{"a":1}"""u8.ToArray()));

        var jwk = jws.Header.GetProperty("jwk");
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()), Y = Base64Url.DecodeFromChars(jwk.GetProperty("y").GetString()) },
        });
        Assert.Equal(64, jws.Signature.Length);
        Assert.True(verifier.VerifyData(jws.SigningInput, jws.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal("ES256", jws.Header.GetProperty("alg").GetString());
    }

    [Fact]
    public void An_RS256_signature_verifies_with_the_public_key_from_the_embedded_jwk()
    {
        using var key = AccountKey.Create(KeyType.Rsa2048);

        var jws = JwsTestReader.Parse(new JwsSigner(key).Sign(Url, "nonce-1", null, "{}"u8.ToArray()));

        var jwk = jws.Header.GetProperty("jwk");
        using var verifier = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwk.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(jwk.GetProperty("e").GetString()),
        });
        Assert.True(verifier.VerifyData(jws.SigningInput, jws.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal("RS256", jws.Header.GetProperty("alg").GetString());
    }

    [Fact]
    public void A_tampered_payload_no_longer_verifies()
    {
        using var key = AccountKey.Create();
        var jws = JwsTestReader.Parse(new JwsSigner(key).Sign(Url, "n", null, "{}"u8.ToArray()));
        using var verifier = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        verifier.ImportFromPem(key.ExportPem());

        var tampered = jws.SigningInput.ToArray();
        tampered[^1] ^= 1;

        Assert.False(verifier.VerifyData(tampered, jws.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void Before_the_account_exists_the_header_carries_the_jwk_and_no_kid()
    {
        using var key = AccountKey.Create();

        var header = JwsTestReader.Parse(new JwsSigner(key).Sign(Url, "nonce-1", null, "{}"u8.ToArray())).Header;

        Assert.Equal(key.Jwk.CanonicalJson, header.GetProperty("jwk").GetRawText());
        Assert.False(header.TryGetProperty("kid", out _));
        Assert.Equal("nonce-1", header.GetProperty("nonce").GetString());
        Assert.Equal(Url.AbsoluteUri, header.GetProperty("url").GetString());
    }

    [Fact]
    public void Once_the_account_exists_the_header_carries_the_kid_and_no_jwk()
    {
        using var key = AccountKey.Create();

        var header = JwsTestReader.Parse(new JwsSigner(key).Sign(Url, "n", Kid, "{}"u8.ToArray())).Header;

        Assert.Equal(Kid.AbsoluteUri, header.GetProperty("kid").GetString());
        Assert.False(header.TryGetProperty("jwk", out _));
    }

    [Fact]
    public void A_POST_as_GET_has_an_empty_payload_and_an_empty_object_stays_an_empty_object()
    {
        using var key = AccountKey.Create();
        var signer = new JwsSigner(key);

        var asGet = JsonDocument.Parse(signer.Sign(Url, "n", Kid, null)).RootElement.GetProperty("payload").GetString();
        var empty = JsonDocument.Parse(signer.Sign(Url, "n", Kid, Encoding.UTF8.GetBytes("{}"))).RootElement.GetProperty("payload").GetString();

        Assert.Equal("", asGet);
        Assert.Equal("e30", empty);
    }
}
