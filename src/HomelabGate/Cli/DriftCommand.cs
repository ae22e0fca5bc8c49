using System.CommandLine;
using System.Text.Json;
using HomelabGate.Application;
using HomelabGate.Composition;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;
using HomelabGate.Core.Status;

namespace HomelabGate.Cli;

/// <summary><c>gate drift</c>: what in the world no longer matches the manifest. Exit 0 in sync, 2 drift, 1 error —
/// usable from cron or CI.</summary>
public sealed class DriftCommand(CommonOptions options, ManifestPipeline pipeline, DriftDetector detector, StateServicesFactory states, DaemonClient daemon)
{
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
            var running = await daemon.StatusAsync(stateDir, cancellationToken);
            var plan = Plan.Empty;
            if (manifest.Succeeded)
            {
                using var state = states.Open(stateDir, manifest.Desired!.Settings.Cluster);
                (_, plan) = await state.Engine.PlanAsync(manifest.Desired!, ObservationScope.Full, cancellationToken);
            }
            report = detector.Detect(manifest, plan, running);
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"error: the running daemon did not answer: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is StateCorruptException or StateStorageException)
        {
            output.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new DriftDocument(report.InSync, report.Items, report.Problems), DriftJson.Default.DriftDocument));
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
