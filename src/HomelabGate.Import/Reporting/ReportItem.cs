namespace HomelabGate.Import.Reporting;

/// <summary>One finding: what it is about ("proxy host 2 (files.lab.test)") and what happened. Never holds a secret.</summary>
public sealed record ReportItem(ReportSeverity Severity, string Subject, string Message);
