using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>NPM's "Default Site" setting (what unknown host names get) as <c>settings.defaultSite</c>.</summary>
internal sealed class DefaultSiteTranslator(ImportContext context)
{
    private const string Subject = "default site";

    public void Translate(NpmDefaultSite? site, YamlMap settings)
    {
        var page = new YamlMap();
        switch (site?.Value)
        {
            case null or "congratulations":
                context.Report.Note(Subject, "NPM showed its \"Congratulations\" page (200); gate answers unknown names with its 404 page");
                return;
            case "404":
                page.Add("status", 404);
                break;
            case "444":
                page.Add("close", true).Comment("NPM's 444: close the connection without an answer.");
                break;
            case "redirect" when site.Redirect is { Length: > 0 } target && Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https":
                page.Add("redirect", target);
                page.Add("status", 301);
                break;
            case "html":
                page.Add("status", 200);
                page.Add("body", site.Html ?? "");
                page.Add("contentType", "text/html; charset=utf-8");
                break;
            default:
                context.Report.Attention(Subject, $"NPM's default site '{site.Value}' (redirect target '{site.Redirect}') cannot be expressed; gate answers unknown names with 404");
                return;
        }
        settings.Add("defaultSite", page);
    }
}
