using System.CommandLine;
using System.Text.Json;
using HomelabGate.Application;
using HomelabGate.Rendering;
using HomelabGate.Status;

namespace HomelabGate.Cli;

/// <summary><c>gate status</c>: the running daemon's view, one row per resource with Ready, Drifted or Failed.
/// Exit 0 when all is Ready, 2 when anything is not, 1 when no daemon answers.</summary>
public sealed class StatusCommand(CommonOptions options, ManifestPipeline pipeline, DaemonClient daemon, StatusTable table)
{
    public Command Build()
    {
        var command = new Command("status", $"Show what the running daemon serves and whether each part is healthy (token from ${DaemonClient.TokenVariable})")
        {
            options.File, options.StateDir, options.Output,
        };
        command.SetAction((result, cancellationToken) => ExecuteAsync(options.Paths(result), result.GetValue(options.Output),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    public async Task<int> ExecuteAsync(GatePaths paths, OutputFormat format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var stateDir = pipeline.Run(paths).StateDir ?? paths.ResolveStateDir(null);
        StatusDocument? status;
        try
        {
            status = await daemon.StatusAsync(stateDir, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: the daemon's admin API did not answer: {e.Message}");
            return ExitCodes.Error;
        }
        if (status is null)
        {
            error.WriteLine($"error: no gate daemon runs with the state directory {stateDir}; start one with 'gate run'.");
            return ExitCodes.Error;
        }
        var rows = table.Rows(status);
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(status, StatusJson.Default.StatusDocument));
        }
        else
        {
            table.Render(rows, output);
        }
        return rows.All(r => r.Condition == Condition.Ready) ? ExitCodes.Success : ExitCodes.Changes;
    }
}
