using System.Text;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The DNS provider after the last reconcile: its error, what the last run planned, drift it repaired and
/// conflicts it left alone.</summary>
public static class DnsSection
{
    public static void Render(StringBuilder html, StatusSnapshot snapshot)
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
}
