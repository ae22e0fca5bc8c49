using System.Net;
using System.Text;

namespace HomelabGate.Certificates.Tests.Sources.Acme;

/// <summary>Answers HTTP from a script, for ARI shapes pebble 2.4.0 cannot produce (it has no renewalInfo at all).
/// An unscripted request fails, which the schedule must treat as an ARI failure.</summary>
internal sealed class ScriptedCaHandler : HttpMessageHandler
{
    public const string DirectoryWithAri =
        """{"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/account","newOrder":"https://ca.test/order","renewalInfo":"https://ca.test/ari/"}""";

    private readonly Queue<Func<HttpResponseMessage>> _script = new();

    public List<Uri> Requests { get; } = [];

    public ScriptedCaHandler Then(HttpStatusCode status, string body, TimeSpan? retryAfter = null, string contentType = "application/json")
    {
        _script.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (retryAfter is { } delay)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
            }
            return response;
        });
        return this;
    }

    /// <summary>The directory, then the suggested window (RFC 9773 §4.2) for whatever certificate is asked about.</summary>
    public ScriptedCaHandler ThenWindow(DateTimeOffset start, DateTimeOffset end, TimeSpan? retryAfter = null) =>
        Then(HttpStatusCode.OK, DirectoryWithAri)
            .Then(HttpStatusCode.OK, $$$"""{"suggestedWindow":{"start":"{{{start:O}}}","end":"{{{end:O}}}"}}""", retryAfter);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        if (_script.Count == 0)
        {
            throw new HttpRequestException($"unscripted request {request.Method} {request.RequestUri}");
        }
        var response = _script.Dequeue()();
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
