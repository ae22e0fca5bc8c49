using System.Security.Cryptography;
using HomelabGate.Acme.Jws;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Tests.Jws;

public sealed class ExternalAccountBindingTests
{
    private static readonly Uri NewAccount = new("https://ca.test/acme/new-account");
    private static readonly byte[] MacKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void The_binding_is_an_HS256_JWS_over_the_account_jwk_that_verifies_with_the_MAC_key()
    {
        using var account = AccountKey.Create();
        var eab = ExternalAccountBinding.FromBase64Url("kid-1", Base64Url.EncodeToString(MacKey));

        var jws = JwsTestReader.Parse(eab.Sign(account.Jwk, NewAccount));

        Assert.Equal(account.Jwk.CanonicalJson, jws.Payload);
        Assert.Equal("HS256", jws.Header.GetProperty("alg").GetString());
        Assert.Equal("kid-1", jws.Header.GetProperty("kid").GetString());
        Assert.Equal(NewAccount.AbsoluteUri, jws.Header.GetProperty("url").GetString());
        Assert.False(jws.Header.TryGetProperty("nonce", out _));
        Assert.Equal(HMACSHA256.HashData(MacKey, jws.SigningInput), jws.Signature);
    }

    [Fact]
    public void A_MAC_key_in_standard_base64_with_padding_is_accepted_too()
    {
        var standard = Convert.ToBase64String(MacKey);
        using var account = AccountKey.Create();

        var a = JwsTestReader.Parse(ExternalAccountBinding.FromBase64Url("k", standard).Sign(account.Jwk, NewAccount));
        var b = JwsTestReader.Parse(ExternalAccountBinding.FromBase64Url("k", Base64Url.EncodeToString(MacKey)).Sign(account.Jwk, NewAccount));

        Assert.Equal(a.Signature, b.Signature);
    }

    [Fact]
    public void ToString_never_shows_the_MAC_key()
    {
        var secret = Base64Url.EncodeToString(MacKey);

        var text = ExternalAccountBinding.FromBase64Url("kid-1", secret).ToString();

        Assert.Equal("ExternalAccountBinding(kid kid-1, key (secret))", text);
    }

    [Fact]
    public void A_MAC_key_that_is_not_base64url_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ExternalAccountBinding.FromBase64Url("kid-1", "not base64 !!"));

        Assert.DoesNotContain("not base64 !!", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("the EAB MAC key for key id 'kid-1' is not base64url", error.Message, StringComparison.Ordinal);
    }
}
