using System.Globalization;
using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Daemon.Health;
using HomelabGate.Status;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The hosts: domains as links (the scheme and port a browser needs), what each serves with its targets' health
/// and the last problem of a target that is down, its certificate, its access list, and its requests and 5xx answers
/// since start. A host's own <c>to:</c> pool is shown by its targets only; its internal name never appears.</summary>
public static class HostSection
{
    public static void Render(StringBuilder html, StatusSnapshot snapshot)
    {
        if (!OpenTable(html, "hosts", "Hosts", snapshot.Hosts.Count, "No hosts are served.", "Host", "Domains", "Serves", "TLS", "Access", "Requests"))
        {
            return;
        }
        var pools = snapshot.Upstreams.ToDictionary(u => u.Name, StringComparer.Ordinal);
        foreach (var host in snapshot.Hosts)
        {
            html.Append("<tr><td data-label=\"Host\"><strong>").Append(Encode(host.Name)).Append("</strong></td><td data-label=\"Domains\">")
                .AppendJoin("<br>", host.Domains.Select(d => Domain(d, host.Link))).Append("</td><td data-label=\"Serves\">");
            Serves(html, host, pools);
            html.Append("</td><td data-label=\"TLS\">").Append(host.Certificate is { } certificate
                    ? $"<a href=\"#certificate-{Encode(certificate)}\">{Encode(certificate)}</a>"
                    : "<span class=\"muted\">HTTP only</span>")
                .Append("</td><td data-label=\"Access\">").Append(host.AccessList is { } list ? Encode(list) : "<span class=\"muted\">open</span>")
                .Append("</td><td data-label=\"Requests\">").Append(Traffic(snapshot.Traffic.GetValueOrDefault(host.Name))).Append("</td></tr>\n");
        }
        CloseTable(html, "Requests and 5xx answers since the daemon started.");
    }

    private static string Domain(string domain, HostLink? link) =>
        link is null || domain.StartsWith("*.", StringComparison.Ordinal)
            ? Encode(domain)
            : $"<a href=\"{Encode(link.For(domain))}\">{Encode(domain)}</a>";

    private static void Serves(StringBuilder html, HostStatus host, Dictionary<string, UpstreamStatus> pools)
    {
        if (host.RespondStatus is { } status)
        {
            html.Append("answers ").Append(status);
        }
        else if (host.RedirectTo is { } target)
        {
            html.Append("redirects to <code>").Append(Encode(target)).Append("</code>");
        }
        foreach (var name in host.Upstreams)
        {
            var inline = name.StartsWith(DesiredStateBuilder.InlinePoolName(""), StringComparison.Ordinal);
            html.Append("<div>").Append(inline ? "" : $"upstream {Encode(name)}:");
            var targets = pools.TryGetValue(name, out var pool) ? pool.Targets : [];
            foreach (var t in targets)
            {
                var health = t.Health.ToString().ToLowerInvariant();
                html.Append(inline ? "" : "<br>").Append("<span class=\"").Append(health).Append("\">● ").Append(health).Append("</span> <code>")
                    .Append(Encode(TargetProblem.Redact(t.Url))).Append("</code>");
                if (t.Health == TargetHealth.Unhealthy && t.Problem is { } problem)
                {
                    html.Append(" <span class=\"bad\">").Append(Encode(problem)).Append("</span>");
                }
                inline = false;
            }
            html.Append(targets.Count == 0 ? " <span class=\"muted\">no targets</span></div>" : "</div>");
        }
    }

    private static string Traffic(HostTraffic? traffic) => traffic is null
        ? "<span class=\"muted\">0</span>"
        : string.Create(CultureInfo.InvariantCulture, $"{traffic.Requests:N0}") + (traffic.ServerErrors > 0
            ? string.Create(CultureInfo.InvariantCulture, $" <span class=\"bad\">({traffic.ServerErrors:N0} 5xx)</span>")
            : " <span class=\"muted\">(no 5xx)</span>");
}
