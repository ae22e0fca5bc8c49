namespace HomelabGate.Tests.Cli;

/// <summary>One command's exit code and what it wrote to standard output and standard error.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);
