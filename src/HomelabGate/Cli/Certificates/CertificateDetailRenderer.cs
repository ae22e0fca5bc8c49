namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert show NAME</c>: everything about one certificate, one labelled line per fact.</summary>
public sealed class CertificateDetailRenderer
{
    public void Render(CertificateSummary summary, TextWriter output)
    {
        var info = summary.Info;
        var days = info.DaysLeft < 0 ? "expired" : $"{CertificateText.DaysLeft(info)} left";
        var due = summary.RenewalDueNow ? " (due now)" : "";
        output.WriteLine($"Certificate {info.Name}");
        Line(output, "Subject", info.Subject);
        Line(output, "Names (SANs)", info.SubjectAlternativeNames.Count == 0 ? "(none)" : string.Join(", ", info.SubjectAlternativeNames));
        Line(output, "Issuer", info.Issuer);
        Line(output, "Valid from", CertificateText.DateTime(info.NotBefore) + (summary.NotYetValid ? " (NOT YET VALID: issued while the clock was wrong? gate issues it again)" : ""));
        Line(output, "Valid until", $"{CertificateText.DateTime(info.NotAfter)} ({days})");
        Line(output, "Renewal due", CertificateText.DateTime(info.RenewalDue) + due);
        Line(output, "Key type", summary.KeyType);
        Line(output, "Source", summary.Source);
        Line(output, "SHA-256", info.Sha256Fingerprint);
    }

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"  {label + ":",-14} {value}");
}
