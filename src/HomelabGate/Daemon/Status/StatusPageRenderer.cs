using System.Text;
using HomelabGate.Status;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The status page at <c>GET /</c> on the admin listener: one server-rendered HTML document from the same
/// <see cref="StatusSnapshot"/> as /api/status. No script; it refreshes itself every 30 seconds.</summary>
public sealed class StatusPageRenderer(StatusPageSections sections)
{
    public string Render(StatusSnapshot snapshot)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"30\">\n")
            .Append("<title>HomelabGate status</title>\n<style>\n").Append(StatusPageStyle.Css).Append("\n</style>\n</head>\n<body>\n");
        Header(html, snapshot);
        if (snapshot.ManifestInvalid)
        {
            Validation(html, snapshot);
        }
        Cluster.ClusterPageSection.Render(html, snapshot);
        sections.Hosts(html, snapshot);
        sections.Certificates(html, snapshot);
        sections.Dns(html, snapshot);
        sections.LastApply(html, snapshot);
        html.Append("<footer>Trust the local CA on a device: <a href=\"/ca.pem\">ca.pem</a> · <a href=\"/ca.der\">ca.der</a> (Android, Windows)")
            .Append(" · <a href=\"/ca.mobileconfig\">ca.mobileconfig</a> (iOS, macOS)<br>")
            .Append("Machine-readable: <a href=\"/api/status\">/api/status</a> · <a href=\"/api/plan\">/api/plan</a> · ")
            .Append("<a href=\"/api/history\">/api/history</a> · <a href=\"/metrics\">/metrics</a></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, StatusSnapshot snapshot)
    {
        var down = snapshot.Upstreams.Sum(u => u.Targets.Count(t => t.Health == TargetHealth.Unhealthy));
        var (state, css) = (snapshot.Ready, snapshot.ManifestInvalid, down) switch
        {
            (false, _, _) => ("not ready", "bad"),
            (true, true, _) => ("serving the last good manifest", "warn"),
            (true, false, > 0) => (down == 1 ? "serving, 1 target down" : $"serving, {down} targets down", "warn"),
            _ => ("serving", "ok"),
        };
        html.Append("<header>\n<h1>HomelabGate <span class=\"badge ").Append(css).Append("\">").Append(Encode(state)).Append("</span></h1>\n")
            .Append("<p class=\"meta\">Manifest <code>").Append(Encode(snapshot.ManifestPath)).Append("</code>");
        if (snapshot.ServingManifestHash is { Length: >= 12 } hash)
        {
            html.Append(" · serving <code>").Append(Encode(hash[..12])).Append("</code>");
        }
        html.Append("<br>Started ").Append(Encode(Time(snapshot.StartedAt)))
            .Append(" · page generated ").Append(Encode(Time(snapshot.GeneratedAt))).Append("</p>\n</header>\n");
    }

    private static void Validation(StringBuilder html, StatusSnapshot snapshot)
    {
        html.Append("<section class=\"alert\" id=\"validation\">\n<h2>The manifest is invalid</h2>\n")
            .Append("<p>Nothing of it was applied; the last good configuration keeps serving. Fix these and save:</p>\n<ul>\n");
        foreach (var diagnostic in snapshot.CurrentDiagnostics.Where(d => d.IsError))
        {
            html.Append("<li><code>").Append(Encode(DiagnosticLine.Format(diagnostic))).Append("</code>");
            if (diagnostic.Hint is { } hint)
            {
                html.Append("<br><span class=\"muted\">hint: ").Append(Encode(hint)).Append("</span>");
            }
            html.Append("</li>\n");
        }
        html.Append("</ul>\n</section>\n");
    }
}
