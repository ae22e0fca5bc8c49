using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.Json;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Http;

/// <summary>One HTTP exchange with the CA, defended: a per-request timeout, a body size cap, redirects refused,
/// every Replay-Nonce remembered, transport failures and problem documents turned into <see cref="AcmeException"/>s with plain messages.</summary>
internal sealed class AcmeHttp(HttpClient http, AcmeClientOptions options, NonceSource nonces, TimeProvider time)
{
    private static readonly MediaTypeHeaderValue JoseJson = new("application/jose+json");

    public async Task<AcmeResponse> SendAsync(HttpMethod method, Uri url, string? jwsBody, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        request.Headers.Accept.ParseAdd(accept ?? "application/json");
        if (jwsBody is not null)
        {
            // Pebble compares the Content-Type exactly, so no "; charset=utf-8".
            request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(jwsBody));
            request.Content.Headers.ContentType = JoseJson;
        }

        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadCappedAsync(response, url, linked.Token);
            var result = new AcmeResponse(
                response.StatusCode,
                body,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.Location is { } location ? new Uri(url, location) : null,
                response.Headers.TryGetValues("Replay-Nonce", out var nonceValues) ? nonceValues.FirstOrDefault() : null,
                response.Headers.RetryAfter,
                response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Find(links, "alternate", url) : []);
            // Every response, errors included, may carry the next nonce (badNonce always does).
            nonces.Remember(result.ReplayNonce);
            ThrowIfFailed(result, url);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AcmeException($"the CA at {url} did not answer within {AcmeProblemDescriber.FormatDuration(options.RequestTimeout)}", isTransient: true);
        }
        catch (HttpRequestException e)
        {
            throw Describe(e, url);
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        var cap = options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > cap)
        {
            throw TooLarge(url, cap);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            // Content-Length can be absent (chunked) or lie, so count what actually arrives.
            if (buffer.Length + read > cap)
            {
                throw TooLarge(url, cap);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private void ThrowIfFailed(AcmeResponse response, Uri url)
    {
        var code = (int)response.Status;
        if (code is >= 300 and < 400)
        {
            throw new AcmeException($"the CA at {url} answered with a redirect (HTTP {code}) to {response.Location?.ToString() ?? "nowhere"}; "
                + "ACME servers do not redirect, so check the directory URL and any proxy in between");
        }
        if (code < 400)
        {
            return;
        }
        var retryAfter = RetryAfter.From(response.RetryAfter, time.GetUtcNow());
        if (TryParseProblem(response.Body) is { } problem)
        {
            throw new AcmeProblemException(problem with { Status = problem.Status ?? code }, retryAfter);
        }
        var transient = code is 429 or >= 500;
        throw new AcmeException($"the CA at {url} answered HTTP {code} ({response.Status}) without a problem document", transient, retryAfter);
    }

    private static AcmeProblem? TryParseProblem(byte[] body)
    {
        try
        {
            var problem = JsonSerializer.Deserialize(body, AcmeJson.Info<AcmeProblem>());
            return problem is { Type: not "about:blank" } ? problem : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AcmeException TooLarge(Uri url, int cap) =>
        new($"the CA at {url} sent a response larger than {cap / 1024} KiB; refusing to read it");

    private static AcmeException Describe(HttpRequestException e, Uri url)
    {
        var root = e.InnerException?.Message ?? e.Message;
        return e switch
        {
            { HttpRequestError: HttpRequestError.SecureConnectionError } or { InnerException: AuthenticationException } =>
                new AcmeException($"could not establish a trusted TLS connection to {url} (is the CA's certificate issued by a trusted root? set the CA bundle if it is private): {root}", innerException: e),
            { HttpRequestError: HttpRequestError.NameResolutionError } =>
                new AcmeException($"could not resolve the host name of {url}: {root}", isTransient: true, innerException: e),
            { HttpRequestError: HttpRequestError.ConnectionError } =>
                new AcmeException($"could not connect to the CA at {url}: {root}", isTransient: true, innerException: e),
            _ => new AcmeException($"the request to {url} failed: {e.Message}", isTransient: true, innerException: e),
        };
    }
}
