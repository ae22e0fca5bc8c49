using System.Text;
using HomelabGate.Core.Desired;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace HomelabGate.Proxy.Hosts;

/// <summary>Answers requests for host names no host claims: a status page, a redirect, or a closed connection.</summary>
public sealed class DefaultSiteHandler(DefaultSiteHolder holder)
{
    private const string StockPage = "<!doctype html><title>{0}</title><h1>{0}</h1><p>No host in homelab.yaml serves this name.</p>\n";

    public Task HandleAsync(HttpContext context)
    {
        var site = holder.Current;
        if (site.Close)
        {
            context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
            context.Abort();
            return Task.CompletedTask;
        }
        if (site.RedirectTo is { } target)
        {
            context.Response.StatusCode = site.Status is >= 300 and < 400 ? site.Status : StatusCodes.Status302Found;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        }
        var text = site.Body.Length > 0 ? site.Body : string.Format(System.Globalization.CultureInfo.InvariantCulture, StockPage,
            $"{site.Status} {ReasonPhrases.GetReasonPhrase(site.Status)}");
        var body = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = site.Status;
        context.Response.ContentType = site.ContentType;
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body).AsTask();
    }
}
