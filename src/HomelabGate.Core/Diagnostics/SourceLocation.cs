namespace HomelabGate.Core.Diagnostics;

/// <summary>A 1-based line and column in a named file.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
