namespace HomelabGate.Core.Diagnostics;

/// <summary>One finding about the user's input, compiler style: code, summary, where, and how to fix it.
/// User errors are diagnostics, never exceptions.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Summary, SourceLocation? Location = null, string? Hint = null)
{
    public static Diagnostic Error(string code, string summary, SourceLocation? location = null, string? hint = null) =>
        new(Severity.Error, code, summary, location, hint);

    public static Diagnostic Warning(string code, string summary, SourceLocation? location = null, string? hint = null) =>
        new(Severity.Warning, code, summary, location, hint);

    public bool IsError => Severity == Severity.Error;
}
