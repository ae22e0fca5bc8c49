using System.CommandLine;
using HomelabGate.Cli.Import;

namespace HomelabGate.Cli;

/// <summary><c>gate import</c>: bring another proxy's configuration over; one subcommand per source (today: npm).</summary>
public sealed class ImportCommand(NpmImportCommand npm)
{
    public Command Build()
    {
        var command = new Command("import", "Write a manifest from another reverse proxy's configuration");
        command.Subcommands.Add(npm.Build());
        return command;
    }
}
