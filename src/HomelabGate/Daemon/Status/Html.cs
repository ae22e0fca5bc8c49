using System.Globalization;
using System.Net;

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
}
