namespace HomelabGate.Core.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
