using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.ErrorPages;

/// <summary>One status's answer for one host, prepared when the configuration is applied: the built-in HTML page and
/// text line split around the host name, and the user's own page if the manifest names one. Only filling in the name
/// the client asked for happens per answer (and only on this error path).</summary>
internal sealed record ErrorPage(int Status, string HtmlHead, string HtmlTail, string TextHead, string TextTail, byte[]? Custom)
{
    private const string Slot = "{0}";

    public static ErrorPage Create(int status, string explanation, byte[]? custom)
    {
        var title = $"{status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}";
        var html = ErrorPageHtml.Render(title, WebUtility.HtmlEncode(explanation));
        var text = $"{title}: {explanation}\n";
        var (htmlHead, htmlTail) = Split(html);
        var (textHead, textTail) = Split(text);
        return new ErrorPage(status, htmlHead, htmlTail, textHead, textTail, custom);
    }

    public Task WriteAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var browser = AcceptsHtml(request);
        var host = request.Host.Host;
        var body = browser && Custom is not null ? Custom
            : browser ? Encoding.UTF8.GetBytes(string.Concat(HtmlHead, WebUtility.HtmlEncode(host), HtmlTail))
            : Encoding.UTF8.GetBytes(string.Concat(TextHead, host, TextTail));
        response.StatusCode = Status;
        response.ContentType = browser ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>A browser asks for text/html; curl, scripts and API clients do not, and get one line of text.</summary>
    private static bool AcceptsHtml(HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept)
        {
            if (accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static (string Head, string Tail) Split(string text)
    {
        var at = text.IndexOf(Slot, StringComparison.Ordinal);
        return (text[..at], text[(at + Slot.Length)..]);
    }
}
