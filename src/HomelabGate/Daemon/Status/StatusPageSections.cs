using System.Text;
using HomelabGate.Core.Engine;
using HomelabGate.Status;
using HomelabGate.Core.Planning;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The status page's sections: hosts with their upstream targets' health, certificates with days left, DNS
/// and the last apply.</summary>
public sealed class StatusPageSections
{
    /// <summary>Fewer days left than this shows a certificate in the warning colour (renewal normally happens at a third
    /// of the lifetime, 30 days for a 90-day leaf, so a certificate this close has missed it).</summary>
    public const int WarnDays = 14;

    public void Hosts(StringBuilder html, StatusSnapshot snapshot)
    {
        html.Append("<section id=\"hosts\">\n<h2>Hosts</h2>\n");
        if (snapshot.Hosts.Count == 0)
        {
            html.Append("<p class=\"muted\">No hosts are served.</p>\n</section>\n");
            return;
        }
        var pools = snapshot.Upstreams.ToDictionary(u => u.Name, StringComparer.Ordinal);
        html.Append("<table>\n<thead><tr><th>Host</th><th>Domains</th><th>Serves</th></tr></thead>\n<tbody>\n");
        foreach (var host in snapshot.Hosts)
        {
            html.Append("<tr><td data-label=\"Host\"><strong>").Append(Encode(host.Name)).Append("</strong></td><td data-label=\"Domains\">")
                .AppendJoin("<br>", host.Domains.Select(Encode)).Append("</td><td data-label=\"Serves\">");
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
                html.Append("<div>").Append(Encode(name)).Append(':');
                var targets = pools.TryGetValue(name, out var pool) ? pool.Targets : [];
                foreach (var t in targets)
                {
                    var health = t.Health.ToString().ToLowerInvariant();
                    html.Append("<br><span class=\"").Append(health).Append("\">● ").Append(health).Append("</span> <code>").Append(Encode(t.Url)).Append("</code>");
                }
                html.Append(targets.Count == 0 ? " <span class=\"muted\">no targets</span></div>" : "</div>");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public void Certificates(StringBuilder html, StatusSnapshot snapshot)
    {
        html.Append("<section id=\"certificates\">\n<h2>Certificates</h2>\n");
        if (snapshot.Certificates.Count == 0)
        {
            html.Append("<p class=\"muted\">No certificates are configured.</p>\n</section>\n");
            return;
        }
        html.Append("<table>\n<thead><tr><th>Certificate</th><th>Days left</th><th>Not after</th><th>State</th></tr></thead>\n<tbody>\n");
        foreach (var c in snapshot.Certificates)
        {
            var days = c.NotAfter is { } notAfter ? (int?)Math.Floor((notAfter - snapshot.GeneratedAt).TotalDays) : null;
            var css = days switch { null or < 0 => "bad", < WarnDays => "warn", _ => "ok" };
            var state = c.Condition == CertificateCondition.Ready ? "ready" : c.Serving ? "failed (an older one keeps serving)" : "failed";
            html.Append("<tr><td data-label=\"Certificate\"><strong>").Append(Encode(c.Name)).Append("</strong></td>")
                .Append("<td data-label=\"Days left\" class=\"").Append(css).Append("\">").Append(days is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "–").Append("</td>")
                .Append("<td data-label=\"Not after\">").Append(c.NotAfter is { } na ? Encode(Time(na)) : "–").Append("</td>")
                .Append("<td data-label=\"State\"><span class=\"").Append(c.Condition == CertificateCondition.Ready ? "ok" : "bad").Append("\">")
                .Append(Encode(state)).Append("</span><br><span class=\"muted\">").Append(Encode(c.Message)).Append("</span></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public void Dns(StringBuilder html, StatusSnapshot snapshot)
    {
        html.Append("<section id=\"dns\">\n<h2>DNS</h2>\n");
        if (snapshot.Dns is not { } dns)
        {
            html.Append("<p class=\"muted\">No DNS provider is configured.</p>\n</section>\n");
            return;
        }
        html.Append("<dl>\n<dt>Provider</dt><dd>").Append(Encode(dns.Provider)).Append("</dd>\n");
        if (dns.Error is { } error)
        {
            html.Append("<dt>Error</dt><dd class=\"bad\">").Append(Encode(error)).Append(" (retried on the next reconcile)</dd>\n");
        }
        html.Append("<dt>Last run</dt><dd>").Append(Encode(dns.Summary)).Append("</dd>\n");
        List("Drift repaired", dns.Repaired.Select(DnsStatus.Describe), "warn");
        List("Conflicts left alone", dns.Conflicts, "bad");
        html.Append("</dl>\n</section>\n");

        void List(string title, IEnumerable<string> items, string css)
        {
            var lines = items.ToList();
            html.Append("<dt>").Append(title).Append("</dt><dd>");
            if (lines.Count == 0)
            {
                html.Append("none</dd>\n");
                return;
            }
            html.Append("<ul class=\"").Append(css).Append("\">").AppendJoin("", lines.Select(l => $"<li>{Encode(l)}</li>")).Append("</ul></dd>\n");
        }
    }

    public void LastApply(StringBuilder html, StatusSnapshot snapshot)
    {
        html.Append("<section id=\"last-apply\">\n<h2>Last apply</h2>\n");
        if (snapshot.LastChange is not { } change)
        {
            html.Append("<p class=\"muted\">Nothing applied since start.</p>\n</section>\n");
            return;
        }
        var css = change.Result == ReconcileResult.Applied ? "ok" : "bad";
        html.Append("<dl>\n<dt>When</dt><dd>").Append(Encode(Time(change.At))).Append(" (").Append(Encode(Ago(change.At, snapshot.GeneratedAt))).Append(")</dd>\n")
            .Append("<dt>Trigger</dt><dd>").Append(Encode(change.Trigger)).Append("</dd>\n")
            .Append("<dt>Result</dt><dd class=\"").Append(css).Append("\">").Append(Encode(change.Result.ToString().ToLowerInvariant())).Append("</dd>\n");
        if (change.Message is { } message)
        {
            html.Append("<dt>Message</dt><dd>").Append(Encode(message)).Append("</dd>\n");
        }
        if (change.Plan is { } plan)
        {
            html.Append("<dt>Plan</dt><dd>").Append(Encode(Summary(plan)));
            html.Append(plan.HasChanges ? "<ul>" + string.Concat(plan.Changes.Select(c => $"<li><code>{Encode(c.Action.Symbol())} {Encode(c.Id.ToString())}</code></li>")) + "</ul>" : "");
            html.Append("</dd>\n");
        }
        if (change.Result != ReconcileResult.Applied && snapshot.LastApplied is { } applied)
        {
            html.Append("<dt>Serving since</dt><dd>").Append(Encode(Time(applied.At))).Append(" (").Append(Encode(Ago(applied.At, snapshot.GeneratedAt)))
                .Append(", ").Append(Encode(applied.Trigger)).Append(")</dd>\n");
        }
        if (snapshot.Last is { } last && !ReferenceEquals(last, change))
        {
            html.Append("<dt>Last check</dt><dd>").Append(Encode(Ago(last.At, snapshot.GeneratedAt))).Append(" (").Append(Encode(last.Trigger))
                .Append(", ").Append(Encode(last.Result.ToString().ToLowerInvariant())).Append(")</dd>\n");
        }
        html.Append("</dl>\n</section>\n");
    }

    private static string Summary(Plan plan) => plan.HasChanges
        ? $"{plan.ToAdd} to add, {plan.ToChange} to change, {plan.ToDestroy} to destroy"
        : "no changes";
}
