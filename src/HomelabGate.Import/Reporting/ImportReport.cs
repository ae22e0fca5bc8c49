namespace HomelabGate.Import.Reporting;

/// <summary>What the import did, what it could not carry over, and what it counted.</summary>
public sealed class ImportReport
{
    private readonly List<ReportItem> _items = [];

    public IReadOnlyList<ReportItem> Items => _items;

    /// <summary>"5 proxy hosts", "1 access list", … in the order they were counted.</summary>
    public List<string> Counts { get; } = [];

    public bool NeedsAttention => _items.Any(i => i.Severity == ReportSeverity.Attention);

    public void Attention(string subject, string message) => _items.Add(new ReportItem(ReportSeverity.Attention, subject, message));

    public void Note(string subject, string message) => _items.Add(new ReportItem(ReportSeverity.Note, subject, message));

    public void Count(int count, string singular, string plural)
    {
        if (count > 0)
        {
            Counts.Add($"{count} {(count == 1 ? singular : plural)}");
        }
    }
}
