namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert list</c> as a table, one row per certificate, columns padded to the widest cell. Entries that
/// could not be read are listed after the table with the reason.</summary>
public sealed class CertificateTableRenderer
{
    private static readonly string[] Header = ["NAME", "ISSUER", "DOMAINS", "NOT AFTER", "DAYS LEFT", "RENEWAL DUE", "FINGERPRINT"];

    public void Render(IReadOnlyList<CertificateEntry> entries, string location, TextWriter output)
    {
        if (entries.Count == 0)
        {
            output.WriteLine($"No certificates in '{location}' yet: gate apply or gate run issues them.");
            return;
        }
        var rows = new List<string[]> { Header };
        rows.AddRange(entries.Where(e => e.Summary is not null).Select(e => Row(e.Summary!)));
        var widths = Enumerable.Range(0, Header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
        foreach (var unreadable in entries.Where(e => e.Summary is null))
        {
            output.WriteLine($"{unreadable.Name}: unreadable: {unreadable.Problem}");
        }
    }

    private static string[] Row(CertificateSummary summary)
    {
        var info = summary.Info;
        var due = summary.NotYetValid ? $"now (not valid before {CertificateText.Date(info.NotBefore)})"
            : CertificateText.Date(info.RenewalDue) + (summary.RenewalDueNow ? " (due)" : "");
        return
        [
            info.Name,
            CertificateText.IssuerName(info),
            string.Join(", ", info.SubjectAlternativeNames),
            CertificateText.Date(info.NotAfter),
            CertificateText.DaysLeft(info),
            due,
            CertificateText.ShortFingerprint(info),
        ];
    }
}
