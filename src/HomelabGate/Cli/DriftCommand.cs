using System.CommandLine;
using System.Text.Json;
using HomelabGate.Application;
using HomelabGate.Core.Status;

namespace HomelabGate.Cli;

/// <summary><c>gate drift</c>: what in the world no longer matches the manifest. Exit 0 in sync, 2 drift, 1 error —
/// usable from cron or CI.</summary>
public sealed class DriftCommand(CommonOptions options, ManifestPipeline pipeline, DriftDetector detector)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Command Build()
    {
        var command = new Command("drift", "Show what in the world no longer matches the manifest") { options.File, options.StateDir, options.Output };
        command.SetAction((result, cancellationToken) => ExecuteAsync(options.Paths(result), result.GetValue(options.Output),
            result.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    public async Task<int> ExecuteAsync(GatePaths paths, OutputFormat format, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = pipeline.Run(paths);
        var stateDir = manifest.StateDir ?? paths.ResolveStateDir(null);
        DriftReport report;
        try
        {
            report = await detector.DetectAsync(manifest, stateDir, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"error: the running daemon did not answer: {e.Message}");
            return ExitCodes.Error;
        }
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { inSync = report.InSync, items = report.Items, problems = report.Problems }, Json));
        }
        else
        {
            Write(report, output);
        }
        return report.Problems.Count > 0 && report.Items.Count == 0 ? ExitCodes.Error : report.InSync ? ExitCodes.Success : ExitCodes.Changes;
    }

    private static void Write(DriftReport report, TextWriter output)
    {
        if (report.InSync)
        {
            output.WriteLine("No drift. The homelab matches the manifest.");
            return;
        }
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"error: {problem}");
        }
        if (report.Items.Count > 0)
        {
            output.WriteLine($"Drift found ({report.Items.Count}):");
        }
        foreach (var item in report.Items)
        {
            var detail = item.Expected is null && item.Found is null ? "" : $" (expected {item.Expected ?? "-"}, found {item.Found ?? "-"})";
            output.WriteLine($"  {(item.Repairable ? "~" : "!")} {item.Resource}: {item.Reason}{detail}");
        }
        if (report.Items.Any(i => i.Repairable))
        {
            output.WriteLine("Run 'gate apply' to repair what is marked ~; what is marked ! needs you.");
        }
    }
}
