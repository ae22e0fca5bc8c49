using System.Net;
using System.Text;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Protocol;
using HomelabGate.Acme.Tests.Jws;

namespace HomelabGate.Acme.Tests.Protocol;

public sealed class AcmeClientTests : IDisposable
{
    private static readonly Uri Directory = new("https://ca.test/dir");
    private readonly AccountKey _key = AccountKey.Create();
    private readonly ScriptedHandler _ca = new();

    private AcmeClient Client(int maxBadNonceRetries = 10, int maxResponseBytes = 1024 * 1024) =>
        new(new HttpClient(_ca), new AcmeClientOptions { DirectoryUrl = Directory, MaxBadNonceRetries = maxBadNonceRetries, MaxResponseBytes = maxResponseBytes }, _key);

    private string NonceOf(int request) => JwsTestReader.Parse(_ca.Requests[request].Body!).Header.GetProperty("nonce").GetString()!;

    [Fact]
    public async Task A_badNonce_answer_is_retried_with_the_fresh_nonce_it_carried_against_scripted_responses()
    {
        _ca.ThenDirectory().ThenNonce("n1").ThenBadNonce("n2").ThenBadNonce("n3").ThenAccount("n4");

        var account = await Client().RegisterAccountAsync(new AcmeAccountOptions(), CancellationToken.None);

        Assert.Equal(new Uri("https://ca.test/acct/1"), account.Url);
        Assert.True(account.Created);
        Assert.Equal([HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Post, HttpMethod.Post], _ca.Requests.Select(r => r.Method));
        Assert.Equal(["n1", "n2", "n3"], [NonceOf(2), NonceOf(3), NonceOf(4)]);
    }

    [Fact]
    public async Task The_nonce_from_one_response_is_used_for_the_next_request_without_another_HEAD()
    {
        _ca.ThenDirectory().ThenNonce("n1").ThenAccount("n2")
            .ThenJson(HttpStatusCode.OK, """{"status":"valid","contact":[]}""", "n3", headers: r => r.Headers.Location = new Uri("https://ca.test/acct/1"));
        var client = Client();

        await client.RegisterAccountAsync(new AcmeAccountOptions(), CancellationToken.None);
        var found = await client.FindAccountAsync(CancellationToken.None);

        Assert.False(found.Created);
        Assert.Equal(1, _ca.Requests.Count(r => r.Method == HttpMethod.Head));
        Assert.Equal("n2", NonceOf(3));
    }

    [Fact]
    public async Task Endless_badNonce_answers_give_up_after_the_configured_retries_against_scripted_responses()
    {
        _ca.ThenDirectory().ThenNonce("n0");
        for (var i = 1; i <= 4; i++)
        {
            _ca.ThenBadNonce("n" + i);
        }

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => Client(maxBadNonceRetries: 3).RegisterAccountAsync(new AcmeAccountOptions(), CancellationToken.None));

        Assert.Equal("badNonce", error.Problem.ShortType);
        Assert.Equal(4, _ca.Requests.Count(r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task A_huge_chunked_body_is_refused_once_the_cap_is_passed_against_scripted_responses()
    {
        _ca.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) });

        var error = await Assert.ThrowsAsync<AcmeException>(() => Client(maxResponseBytes: 64 * 1024).GetDirectoryAsync(CancellationToken.None));

        Assert.Equal($"the CA at {Directory} sent a response larger than 64 KiB; refusing to read it", error.Message);
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_cap_is_refused_unread_against_scripted_responses()
    {
        _ca.Then(_ =>
        {
            var content = new ByteArrayContent(new byte[10]);
            content.Headers.ContentLength = 50L * 1024 * 1024;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var error = await Assert.ThrowsAsync<AcmeException>(() => Client().GetDirectoryAsync(CancellationToken.None));

        Assert.Equal($"the CA at {Directory} sent a response larger than 1024 KiB; refusing to read it", error.Message);
    }

    [Theory]
    [InlineData("<html>proxy error</html>", "'<' is an invalid start of a value")]
    [InlineData("""{"newNonce":"https://ca.test/nonce"}""", "missing required properties")]
    [InlineData("""{"newNonce":42,"newAccount":"a","newOrder":"b"}""", "could not be converted")]
    public async Task A_directory_that_is_not_ACME_JSON_is_reported_against_scripted_responses(string body, string why)
    {
        _ca.ThenJson(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<AcmeException>(() => Client().GetDirectoryAsync(CancellationToken.None));

        Assert.StartsWith($"the CA at {Directory} sent a directory that is not valid ACME JSON (", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_loop_is_refused_at_the_first_redirect_against_scripted_responses()
    {
        for (var i = 0; i < 5; i++)
        {
            _ca.Then(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = Directory } });
        }

        var error = await Assert.ThrowsAsync<AcmeException>(() => Client().GetDirectoryAsync(CancellationToken.None));

        Assert.Equal($"the CA at {Directory} answered with a redirect (HTTP 302) to {Directory}; ACME servers do not redirect, so check the directory URL and any proxy in between", error.Message);
        Assert.Single(_ca.Requests);
    }

    [Fact]
    public async Task A_rate_limit_problem_carries_the_retry_after_against_scripted_responses()
    {
        _ca.ThenDirectory().ThenNonce("n1").ThenJson((HttpStatusCode)429,
            """{"type":"urn:ietf:params:acme:error:rateLimited","detail":"too many new accounts"}""", "n2", "application/problem+json",
            r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3600)));

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => Client().RegisterAccountAsync(new AcmeAccountOptions(), CancellationToken.None));

        Assert.Equal("the CA's rate limit was reached (retry after 60 min): too many new accounts", error.Message);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal(429, error.Problem.Status);
    }

    [Fact]
    public async Task A_server_error_without_a_problem_document_is_transient_against_scripted_responses()
    {
        _ca.Then(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<h1>502</h1>") });

        var error = await Assert.ThrowsAsync<AcmeException>(() => Client().GetDirectoryAsync(CancellationToken.None));

        Assert.Equal($"the CA at {Directory} answered HTTP 502 (BadGateway) without a problem document", error.Message);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_CA_that_requires_an_external_account_binding_is_told_so_before_any_signed_request()
    {
        _ca.ThenJson(HttpStatusCode.OK, """
            {"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/account","newOrder":"https://ca.test/order","meta":{"externalAccountRequired":true}}
            """);

        var error = await Assert.ThrowsAsync<AcmeException>(() => Client().RegisterAccountAsync(new AcmeAccountOptions(), CancellationToken.None));

        Assert.Equal($"the CA at {Directory} requires an external account binding; set the EAB key id and MAC key it gave you", error.Message);
        Assert.Single(_ca.Requests);
    }

    [Fact]
    public async Task A_request_with_no_answer_times_out_with_a_plain_message_against_scripted_responses()
    {
        var client = new AcmeClient(new HttpClient(new HangingHandler()), new AcmeClientOptions { DirectoryUrl = Directory, RequestTimeout = TimeSpan.FromMilliseconds(200) }, _key);

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.GetDirectoryAsync(CancellationToken.None));

        Assert.Equal($"the CA at {Directory} did not answer within 200 ms", error.Message);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task The_JWS_is_posted_as_application_jose_json_without_a_charset()
    {
        string? contentType = null;
        _ca.ThenDirectory().ThenNonce("n1").Then(request =>
        {
            contentType = request.Content!.Headers.ContentType!.ToString();
            var response = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"status":"valid"}""", Encoding.UTF8, "application/json") };
            response.Headers.Location = new Uri("https://ca.test/acct/1");
            return response;
        });

        await Client().RegisterAccountAsync(new AcmeAccountOptions(), CancellationToken.None);

        Assert.Equal("application/jose+json", contentType);
    }

    public void Dispose() => _key.Dispose();
}
