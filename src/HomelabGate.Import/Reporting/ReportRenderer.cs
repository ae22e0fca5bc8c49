namespace HomelabGate.Import.Reporting;

/// <summary>The report as the user reads it at the end of <c>gate import npm</c>.</summary>
public sealed class ReportRenderer
{
    public void Render(ImportReport report, TextWriter output)
    {
        output.WriteLine($"Imported from Nginx Proxy Manager: {(report.Counts.Count == 0 ? "nothing" : string.Join(", ", report.Counts))}.");
        Section(output, report, ReportSeverity.Attention, "Needs your attention", "!");
        Section(output, report, ReportSeverity.Note, "Notes", "-");
    }

    private static void Section(TextWriter output, ImportReport report, ReportSeverity severity, string title, string bullet)
    {
        var items = report.Items.Where(i => i.Severity == severity).ToList();
        if (items.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"{title} ({items.Count}):");
        foreach (var item in items)
        {
            output.WriteLine($"  {bullet} {item.Subject}: {item.Message}");
        }
    }
}
