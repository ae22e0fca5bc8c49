using System.Text;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>TCP streams (where each listens, where it forwards, the certificate it terminates TLS with) and access lists
/// (rule and user counts — never who the users are — and the hosts behind each).</summary>
public static class StreamSection
{
    public static void Render(StringBuilder html, StatusSnapshot snapshot)
    {
        if (!OpenTable(html, "streams", "Streams", snapshot.Streams.Count, "No TCP streams are configured.", "Stream", "Listens on", "Forwards to", "TLS"))
        {
            return;
        }
        foreach (var s in snapshot.Streams)
        {
            html.Append("<tr><td data-label=\"Stream\"><strong>").Append(Encode(s.Name)).Append("</strong></td><td data-label=\"Listens on\"><code>")
                .Append(Encode(s.Listen)).Append("</code></td><td data-label=\"Forwards to\"><code>").Append(Encode(s.To)).Append("</code></td><td data-label=\"TLS\">")
                .Append(s.Certificate is { } c ? $"<a href=\"#certificate-{Encode(c)}\">{Encode(c)}</a>" : "<span class=\"muted\">none (plain TCP)</span>")
                .Append("</td></tr>\n");
        }
        CloseTable(html);
    }

    public static void RenderAccessLists(StringBuilder html, StatusSnapshot snapshot)
    {
        if (!OpenTable(html, "access-lists", "Access lists", snapshot.AccessLists.Count, "No access lists are configured.", "Access list", "IP rules", "Users", "Both needed", "Hosts"))
        {
            return;
        }
        foreach (var a in snapshot.AccessLists)
        {
            html.Append("<tr><td data-label=\"Access list\"><strong>").Append(Encode(a.Name)).Append("</strong></td><td data-label=\"IP rules\">")
                .Append(a.Allow).Append(" allow, ").Append(a.Deny).Append(" deny</td><td data-label=\"Users\">").Append(a.Users)
                .Append("</td><td data-label=\"Both needed\">").Append(a.RequireAll ? "yes (satisfy: all)" : "no (satisfy: any)")
                .Append("</td><td data-label=\"Hosts\">").Append(a.Hosts.Count > 0 ? string.Join(", ", a.Hosts.Select(Encode)) : "<span class=\"muted\">none</span>")
                .Append("</td></tr>\n");
        }
        CloseTable(html);
    }
}
