namespace HomelabGate.Import.Reporting;

public enum ReportSeverity
{
    /// <summary>Not carried over as it was, or a guess: the user should look (exit code 2).</summary>
    Attention,

    /// <summary>Carried over as intended, worth knowing (deleted rows skipped, disabled ones commented out).</summary>
    Note,
}
