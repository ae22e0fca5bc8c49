using System.Text;
using HomelabGate.Core.Engine;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The certificates: names they cover, who presents them, when they expire (amber and red as
/// <see cref="CertificateExpiry"/> decides), and their state with the last message.</summary>
public static class CertificateSection
{
    public static void Render(StringBuilder html, StatusSnapshot snapshot)
    {
        if (!OpenTable(html, "certificates", "Certificates", snapshot.Certificates.Count, "No certificates are configured.", "Certificate", "Names", "Used by", "Expires", "State"))
        {
            return;
        }
        foreach (var c in snapshot.Certificates)
        {
            var use = snapshot.CertificateUses.GetValueOrDefault(c.Name);
            html.Append("<tr id=\"certificate-").Append(Encode(c.Name)).Append("\"><td data-label=\"Certificate\"><strong>").Append(Encode(c.Name)).Append("</strong></td>")
                .Append("<td data-label=\"Names\">").Append(use is null ? "–" : use.Domains.Count > 0 ? string.Join("<br>", use.Domains.Select(Encode)) : "<span class=\"muted\">from its files</span>").Append("</td>")
                .Append("<td data-label=\"Used by\">").Append(use is { UsedBy.Count: > 0 } ? string.Join("<br>", use.UsedBy.Select(Encode)) : "<span class=\"muted\">nothing</span>").Append("</td>")
                .Append("<td data-label=\"Expires\">").Append(Expires(c, snapshot.GeneratedAt)).Append("</td>")
                .Append("<td data-label=\"State\"><span class=\"").Append(c.Condition == CertificateCondition.Ready ? "ok" : "bad").Append("\">")
                .Append(c.Condition == CertificateCondition.Ready ? "ready" : c.Serving ? "failed (an older one keeps serving)" : "failed")
                .Append("</span><br><span class=\"muted\">").Append(Encode(c.Message)).Append("</span></td></tr>\n");
        }
        CloseTable(html);
    }

    private static string Expires(CertificateStatus certificate, DateTimeOffset now)
    {
        if (certificate.NotAfter is not { } notAfter)
        {
            return "<span class=\"bad\">none is stored</span>";
        }
        var css = CertificateExpiry.Level(certificate.NotBefore, notAfter, now) switch
        {
            ExpiryLevel.Fine => "ok",
            ExpiryLevel.Amber => "warn",
            ExpiryLevel.Red or ExpiryLevel.Expired => "bad",
            var other => throw new ArgumentOutOfRangeException(nameof(certificate), other, null),
        };
        var left = CertificateExpiry.Describe(notAfter, now);
        return $"<span class=\"{css}\">{Encode(notAfter <= now ? left : $"in {left}")}</span><br><span class=\"muted\">{Encode(Time(notAfter))}</span>";
    }
}
