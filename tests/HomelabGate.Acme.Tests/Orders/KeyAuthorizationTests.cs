using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Tests.Orders;

public sealed class KeyAuthorizationTests
{
    // RFC 7638's example key thumbprint, so the expected digest is independent of our JWK code.
    private static readonly Jwk Rfc7638Key = new("""{"e":"AQAB","kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}""");
    private const string Token = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";

    [Fact]
    public void The_key_authorization_is_the_token_a_dot_and_the_account_key_thumbprint()
    {
        Assert.Equal(Token + ".NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", KeyAuthorization.Create(Token, Rfc7638Key));
    }

    [Fact]
    public void The_TXT_value_is_the_base64url_SHA256_of_the_key_authorization()
    {
        // Expected value computed with: printf %s "$keyAuth" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d =
        Assert.Equal("ZTRx1Ckl1-tM05o5zaizTTA0yUy5AGereMgSNWC6Ll8", KeyAuthorization.Dns01TxtValue(KeyAuthorization.Create(Token, Rfc7638Key)));
    }

    [Theory]
    [InlineData(false, "home.test", "_acme-challenge.home.test.")]
    [InlineData(true, "*.home.test", "_acme-challenge.home.test.")]
    public void Apex_and_wildcard_authorizations_use_the_same_record_name(bool wildcard, string domain, string recordName)
    {
        var authorization = new AcmeAuthorization
        {
            Identifier = AcmeIdentifier.Dns("home.test"),
            Status = AcmeStatus.Pending,
            Wildcard = wildcard,
            Challenges = [],
        };
        var challenge = new AcmeChallenge { Type = "dns-01", Url = new Uri("https://ca.test/chal/1"), Status = AcmeStatus.Pending, Token = Token };

        var record = KeyAuthorization.Dns01(authorization, challenge, Rfc7638Key);

        Assert.Equal(domain, record.Domain);
        Assert.Equal(recordName, record.RecordName);
        Assert.Equal("ZTRx1Ckl1-tM05o5zaizTTA0yUy5AGereMgSNWC6Ll8", record.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc def")]
    [InlineData("abc\"; update delete home.test")]
    [InlineData("abc/def+")]
    public void A_token_that_is_not_base64url_is_refused(string token)
    {
        var error = Assert.Throws<AcmeException>(() => KeyAuthorization.Create(token, Rfc7638Key));

        Assert.Equal("the CA sent a challenge token that is not base64url", error.Message);
    }
}
