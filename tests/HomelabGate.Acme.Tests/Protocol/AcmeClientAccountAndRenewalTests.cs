using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using HomelabGate.Acme.Jws;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Protocol;
using HomelabGate.Acme.Tests.Jws;

namespace HomelabGate.Acme.Tests.Protocol;

/// <summary>Paths the test pebble cannot exercise: its fixture runs without EAB, and pebble 2.4.0 has no ARI.</summary>
public sealed class AcmeClientAccountAndRenewalTests : IDisposable
{
    private static readonly Uri Directory = new("https://ca.test/dir");
    private readonly AccountKey _key = AccountKey.Create();
    private readonly ScriptedHandler _ca = new();

    private AcmeClient Client() => new(new HttpClient(_ca), new AcmeClientOptions { DirectoryUrl = Directory }, _key);

    [Fact]
    public async Task NewAccount_carries_contacts_and_an_external_account_binding_over_the_account_jwk_against_scripted_responses()
    {
        var macKey = RandomNumberGenerator.GetBytes(32);
        _ca.ThenDirectory().ThenNonce("n1").ThenAccount("n2");
        var options = new AcmeAccountOptions
        {
            Contact = ["mailto:admin@home.test"],
            ExternalAccountBinding = new ExternalAccountBinding("kid-7", macKey),
        };

        await Client().RegisterAccountAsync(options, CancellationToken.None);

        var payload = JsonDocument.Parse(JwsTestReader.Parse(_ca.Requests[2].Body!).Payload).RootElement;
        Assert.True(payload.GetProperty("termsOfServiceAgreed").GetBoolean());
        Assert.Equal("mailto:admin@home.test", payload.GetProperty("contact")[0].GetString());
        var eab = JwsTestReader.Parse(payload.GetProperty("externalAccountBinding").GetRawText());
        Assert.Equal(_key.Jwk.CanonicalJson, eab.Payload);
        Assert.Equal("https://ca.test/account", eab.Header.GetProperty("url").GetString());
        Assert.Equal(HMACSHA256.HashData(macKey, eab.SigningInput), eab.Signature);
        Assert.DoesNotContain(Base64Url.EncodeToString(macKey), _ca.Requests[2].Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renewal_information_is_fetched_from_the_directory_renewalInfo_URL_against_scripted_responses()
    {
        _ca.ThenJson(HttpStatusCode.OK, """
                {"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/account","newOrder":"https://ca.test/order","renewalInfo":"https://ca.test/ari/"}
                """)
            .ThenJson(HttpStatusCode.OK, """{"suggestedWindow":{"start":"2026-02-01T00:00:00Z","end":"2026-02-02T00:00:00Z"}}""",
                headers: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(6)));

        var window = await Client().GetRenewalInfoAsync("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", CancellationToken.None);

        Assert.Equal(new Uri("https://ca.test/ari/aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"), _ca.Requests[1].Url);
        Assert.Equal(HttpMethod.Get, _ca.Requests[1].Method);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), window!.Start);
        Assert.Equal(TimeSpan.FromHours(6), window.RetryAfter);
    }

    [Fact]
    public async Task A_CA_without_renewalInfo_gives_no_window_against_scripted_responses()
    {
        _ca.ThenDirectory();

        Assert.Null(await Client().GetRenewalInfoAsync("x.y", CancellationToken.None));
        Assert.Single(_ca.Requests);
    }

    public void Dispose() => _key.Dispose();
}
