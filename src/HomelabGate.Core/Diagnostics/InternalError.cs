namespace HomelabGate.Core.Diagnostics;

/// <summary>The last resort when a stage fails unexpectedly: still a located diagnostic (never a stack trace), and
/// marked as our bug so it is reported rather than puzzled over. The fuzzing harness requires none of these.</summary>
public static class InternalError
{
    public static Diagnostic While(string stage, Exception exception, SourceLocation location) =>
        Diagnostic.Error(DiagnosticCodes.InternalError, $"internal error while {stage}: {exception.GetType().Name}: {exception.Message}",
            location, "this is a bug in HomelabGate, not in your manifest; please report it with the manifest");
}
