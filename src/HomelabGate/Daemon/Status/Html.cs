using System.Globalization;
using System.Net;
using System.Text;

namespace HomelabGate.Daemon.Status;

/// <summary>The few HTML helpers the status page needs. Every piece of data goes through <see cref="Encode"/>: host
/// names, URLs, diagnostics and provider messages all come from files and systems we do not control.</summary>
public static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"5 s ago", "12 min ago", "3 h ago", "2 d ago": enough to see at a glance whether something is stale.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        return elapsed.TotalSeconds switch
        {
            < 0 => "just now",
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalSeconds} s ago"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min ago"),
            < 172800 => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h ago"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalDays} d ago"),
        };
    }

    /// <summary>Opens a section with a table of <paramref name="columns"/>; or, when there are no <paramref name="rows"/>,
    /// writes the whole section with <paramref name="empty"/> and returns false. Close it with <see cref="CloseTable"/>.</summary>
    public static bool OpenTable(StringBuilder html, string id, string title, int rows, string empty, params string[] columns)
    {
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(title).Append("</h2>\n");
        if (rows == 0)
        {
            html.Append("<p class=\"muted\">").Append(empty).Append("</p>\n</section>\n");
            return false;
        }
        html.Append("<table>\n<thead><tr>").AppendJoin("", columns.Select(c => $"<th>{c}</th>")).Append("</tr></thead>\n<tbody>\n");
        return true;
    }

    public static void CloseTable(StringBuilder html, string? note = null)
    {
        html.Append("</tbody>\n</table>\n");
        if (note is not null)
        {
            html.Append("<p class=\"muted\">").Append(note).Append("</p>\n");
        }
        html.Append("</section>\n");
    }
}
