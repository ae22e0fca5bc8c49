using System.Text;
using HomelabGate.Rendering;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The status page at <c>GET /</c> on the admin listener: one server-rendered HTML document from the same
/// <see cref="StatusSnapshot"/> as /api/status, with no script and no external asset (the admin listener's CSP allows
/// only inline style). It refreshes itself every 30 seconds. The badge and the problem count at the top come from
/// <see cref="StatusProblems"/>: green only when nothing is down, failed or expiring.</summary>
public sealed class StatusPageRenderer(PlanLayout layout)
{
    public string Render(StatusSnapshot snapshot)
    {
        var problems = StatusProblems.Of(snapshot);
        var html = new StringBuilder(16 * 1024);
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"30\">\n")
            .Append("<title>HomelabGate status</title>\n<style>\n").Append(StatusPageStyle.Css).Append("\n</style>\n</head>\n<body>\n");
        Header(html, snapshot, problems);
        Problems(html, problems);
        if (snapshot.ManifestInvalid)
        {
            Validation(html, snapshot);
        }
        Cluster.ClusterPageSection.Render(html, snapshot);
        HostSection.Render(html, snapshot);
        CertificateSection.Render(html, snapshot);
        StreamSection.Render(html, snapshot);
        StreamSection.RenderAccessLists(html, snapshot);
        DnsSection.Render(html, snapshot);
        LastApplySection.Render(html, snapshot, layout);
        html.Append("<footer>Trust the local CA on a device: <a href=\"/ca.pem\">ca.pem</a> · <a href=\"/ca.der\">ca.der</a> (Android, Windows)")
            .Append(" · <a href=\"/ca.mobileconfig\">ca.mobileconfig</a> (iOS, macOS)<br>")
            .Append("Machine-readable: <a href=\"/api/status\">/api/status</a> · <a href=\"/api/plan\">/api/plan</a> · ")
            .Append("<a href=\"/api/history\">/api/history</a> · <a href=\"/metrics\">/metrics</a></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, StatusSnapshot snapshot, IReadOnlyList<StatusProblem> problems)
    {
        var serious = problems.Count(p => p.Serious);
        var (state, css) = snapshot switch
        {
            { Ready: false } => ("not ready", "bad"),
            { ManifestInvalid: true } => ("serving the last good manifest", "bad"),
            _ when serious > 0 => ($"serving, {Count(serious, "problem")}", "bad"),
            _ when problems.Count > 0 => ($"serving, {Count(problems.Count, "warning")}", "warn"),
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

    private static void Problems(StringBuilder html, IReadOnlyList<StatusProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }
        var serious = problems.Count(p => p.Serious);
        var title = string.Join(" · ", new[] { (serious, "problem"), (problems.Count - serious, "warning") }.Where(c => c.Item1 > 0).Select(c => Count(c.Item1, c.Item2)));
        html.Append("<section id=\"problems\" class=\"").Append(serious > 0 ? "alert" : "notice").Append("\">\n<h2>").Append(title).Append("</h2>\n<ul>\n");
        foreach (var problem in problems)
        {
            html.Append("<li class=\"").Append(problem.Serious ? "bad" : "warn").Append("\"><a href=\"#").Append(problem.Section).Append("\">")
                .Append(Encode(problem.Text)).Append("</a></li>\n");
        }
        html.Append("</ul>\n</section>\n");
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

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
