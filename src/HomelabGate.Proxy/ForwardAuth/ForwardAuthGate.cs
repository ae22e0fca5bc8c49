using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.ErrorPages;
using HomelabGate.Proxy.Requests;

namespace HomelabGate.Proxy.ForwardAuth;

/// <summary>One host's forward auth, prepared per reload: a GET to the auth server describing the original request
/// (Traefik's and nginx auth_request's X-Forwarded-* convention, which Authelia, Authentik and oauth2-proxy read).
/// 2xx lets the request through with the listed headers copied from the answer; anything else is the client's answer.</summary>
public sealed class ForwardAuthGate(
    string hostName, Uri url, string[] copyHeaders, ClientAddressResolver clientAddress, ForwardAuthClient client, HostErrorPages pages, ILogger logger)
{
    /// <returns>true when the request may go on; false when the auth server's answer (or a 502) has been written.</returns>
    public async Task<bool> AuthorizeAsync(HttpContext context)
    {
        var request = context.Request;
        // Identity headers are the auth server's to set: a client sending its own Remote-User must never reach the upstream.
        foreach (var name in copyHeaders)
        {
            request.Headers.Remove(name);
        }
        using var check = Describe(context);
        HttpResponseMessage answer;
        try
        {
            answer = await client.SendAsync(check, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            await UnavailableAsync(context, e.HttpRequestError.ToString());
            return false;
        }
        catch (TaskCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await UnavailableAsync(context, $"no answer within {ForwardAuthClient.Timeout.TotalSeconds:0} s");
            return false;
        }
        using (answer)
        {
            if (answer.IsSuccessStatusCode)
            {
                CopyIdentity(answer, request);
                return true;
            }
            await ForwardAuthDenial.WriteAsync(answer, context);
            return false;
        }
    }

    private HttpRequestMessage Describe(HttpContext context)
    {
        var request = context.Request;
        var check = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = check.Headers;
        headers.TryAddWithoutValidation("X-Forwarded-Method", request.Method);
        headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        // The path and query as the client sent them, still percent-encoded, as the auth server's rules expect (an
        // absolute-form target gives its path, not the whole URL).
        headers.TryAddWithoutValidation("X-Forwarded-Uri", VerbatimPath.PathAndQuery(context));
        if (clientAddress.Resolve(context) is { } address)
        {
            headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }
        Copy(request.Headers.Cookie, "Cookie", headers);
        Copy(request.Headers.Authorization, "Authorization", headers);
        return check;
    }

    private static void Copy(StringValues values, string name, System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        if (!StringValues.IsNullOrEmpty(values))
        {
            headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
    }

    private void CopyIdentity(HttpResponseMessage answer, HttpRequest request)
    {
        foreach (var name in copyHeaders)
        {
            if (answer.Headers.TryGetValues(name, out var values))
            {
                request.Headers[name] = new StringValues([.. values]);
            }
        }
    }

    private Task UnavailableAsync(HttpContext context, string reason)
    {
        ForwardAuthLog.Unavailable(logger, hostName, url, reason);
        return ForwardAuthDenial.UnavailableAsync(context, pages);
    }
}
