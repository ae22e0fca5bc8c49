namespace HomelabGate.Core.Diagnostics;

/// <summary>One finding about the user's input, compiler style: code, summary, where, and how to fix it.
/// User errors are diagnostics, never exceptions. <see cref="QuotesSecret"/> marks a finding whose source line holds a
/// secret (a plain password): renderers then show where, but not the line.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Summary, SourceLocation? Location = null, string? Hint = null)
{
    public bool QuotesSecret { get; init; }

    public static Diagnostic Error(string code, string summary, SourceLocation? location = null, string? hint = null) =>
        new(Severity.Error, code, summary, location, hint);

    public static Diagnostic Warning(string code, string summary, SourceLocation? location = null, string? hint = null) =>
        new(Severity.Warning, code, summary, location, hint);

    public bool IsError => Severity == Severity.Error;
}
