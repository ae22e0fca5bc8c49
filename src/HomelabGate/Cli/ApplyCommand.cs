using System.CommandLine;
using System.Text.Json.Nodes;
using HomelabGate.Application;
using HomelabGate.Core.State;
using HomelabGate.Rendering;

namespace HomelabGate.Cli;

/// <summary><c>gate apply</c>: carry the plan out. With a daemon running (it holds the state lock), apply asks the daemon
/// to reconcile now through its admin API — one writer, and the change is served the moment apply returns. Without a
/// daemon, apply records the state itself under the lock, and the next <c>gate run</c> serves it.</summary>
public sealed class ApplyCommand(CommonOptions options, PlanCommand plan, ManifestPipeline pipeline, DiagnosticRenderer diagnostics,
    PlanTextRenderer text, PlanJsonRenderer json, OfflineApplier applier)
{
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Only show the plan (exit 0 = no changes, 2 = changes)" };

    public Command Build()
    {
        var command = new Command("apply", "Apply the manifest") { options.File, options.StateDir, options.Output, _dryRun };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var format = result.GetValue(options.Output);
            var paths = options.Paths(result);
            return result.GetValue(_dryRun)
                ? plan.Execute(paths, format, output, error)
                : await ExecuteAsync(paths, format, output, error, cancellationToken);
        });
        return command;
    }

    public async Task<int> ExecuteAsync(GatePaths paths, OutputFormat format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = pipeline.Run(paths);
        diagnostics.Render(result.Load.Diagnostics, result.Load.Source, result.Succeeded ? error : output);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }
        using var stateLock = StateLock.TryAcquire(result.StateDir!, $"pid={Environment.ProcessId}\ncommand=apply\n");
        if (stateLock is null)
        {
            return await AskDaemonAsync(result.StateDir!, format, output, error, cancellationToken);
        }
        var outcome = await applier.ApplyAsync(result.Desired!, result.Load.Manifest!.ContentHash, new StateStore(result.StateDir!), cancellationToken);
        var applied = outcome.Plan;
        if (format == OutputFormat.Json)
        {
            json.Render(applied, output);
        }
        else
        {
            text.Render(applied, output);
            ApplyReport.Write(outcome, output);
            output.WriteLine(outcome.Failed
                ? "Apply finished with errors (above); what failed is kept as pending and tried again by the next apply or the daemon."
                : $"Apply complete! Resources: {applied.ToAdd} added, {applied.ToChange} changed, {applied.ToDestroy} destroyed.");
        }
        return outcome.Failed ? ExitCodes.Error : ExitCodes.Success;
    }

    private static async Task<int> AskDaemonAsync(string stateDir, OutputFormat format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var admin = DaemonClient.AdminUrl(stateDir);
        if (admin is null)
        {
            error.WriteLine($"error: another gate process holds {StateLock.PathIn(stateDir)}; try again when it has finished.");
            return ExitCodes.Error;
        }
        try
        {
            var (succeeded, body) = await new DaemonClient().ReconcileAsync(admin, cancellationToken);
            if (format == OutputFormat.Json)
            {
                output.WriteLine(body.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                output.WriteLine($"The running daemon applied the manifest ({body["result"]}).");
                output.Write(body["planText"]?.GetValue<string>() ?? "");
                foreach (var line in body["diagnostics"]?.AsArray() ?? [])
                {
                    output.WriteLine(line?.GetValue<string>());
                }
                if (body["message"]?.GetValue<string>() is { } message)
                {
                    output.WriteLine(message);
                }
            }
            return succeeded ? ExitCodes.Success : ExitCodes.Error;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: a gate daemon holds the state directory, but its admin API at {admin} did not answer: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
