using System.CommandLine;
using HomelabGate.Application;

namespace HomelabGate.Cli;

/// <summary>Options shared by the commands that read a manifest.</summary>
public sealed class CommonOptions
{
    public Option<string> File { get; } = new("--file", "-f")
    {
        Description = "The manifest to read",
        DefaultValueFactory = _ => "homelab.yaml",
    };

    public Option<string?> StateDir { get; } = new("--state-dir")
    {
        Description = $"Override the state directory (else ${GatePaths.StateDirVariable}, settings.stateDir, ./data)",
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "Output format",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public GatePaths Paths(ParseResult result) => new(result.GetValue(File)!, result.GetValue(StateDir));
}

public enum OutputFormat
{
    Text,
    Json,
}
