using System.Net;
using System.Text;

namespace HomelabGate.Acme.Tests.Protocol;

/// <summary>An in-process HTTP handler that answers from a script, only for failure shapes pebble cannot produce
/// (huge bodies, malformed JSON, redirect loops, rate limits) and for counting exactly which nonce each retry used.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public List<(HttpMethod Method, Uri Url, string? Body)> Requests { get; } = [];

    public ScriptedHandler Then(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public ScriptedHandler ThenJson(HttpStatusCode status, string json, string? nonce = null, string contentType = "application/json", Action<HttpResponseMessage>? headers = null) =>
        Then(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, contentType) };
            if (nonce is not null)
            {
                response.Headers.Add("Replay-Nonce", nonce);
            }
            headers?.Invoke(response);
            return response;
        });

    public ScriptedHandler ThenDirectory() => ThenJson(HttpStatusCode.OK, """
        {"newNonce":"https://ca.test/nonce","newAccount":"https://ca.test/account","newOrder":"https://ca.test/order"}
        """);

    public ScriptedHandler ThenNonce(string nonce) => Then(_ =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("Replay-Nonce", nonce);
        return response;
    });

    public ScriptedHandler ThenBadNonce(string freshNonce) => ThenJson(HttpStatusCode.BadRequest,
        """{"type":"urn:ietf:params:acme:error:badNonce","detail":"JWS has an invalid anti-replay nonce"}""", freshNonce, "application/problem+json");

    public ScriptedHandler ThenAccount(string nonce) => ThenJson(HttpStatusCode.Created, """{"status":"valid"}""", nonce,
        headers: r => r.Headers.Location = new Uri("https://ca.test/acct/1"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, body));
        if (_script.Count == 0)
        {
            throw new InvalidOperationException($"unscripted request {request.Method} {request.RequestUri}");
        }
        var response = _script.Dequeue()(request);
        response.RequestMessage = request;
        return response;
    }
}
