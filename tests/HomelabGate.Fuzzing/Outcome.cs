namespace HomelabGate.Fuzzing;

/// <summary>How one run of <c>gate validate</c> on one input ended, worst first.</summary>
public enum OutcomeKind
{
    Crash,
    Hang,
    OutsideFile,
    InternalError,
    Slow,
    Rejected,
    Accepted,
}

public sealed record Outcome(string File, OutcomeKind Kind, int ExitCode, double Seconds, string Detail);
