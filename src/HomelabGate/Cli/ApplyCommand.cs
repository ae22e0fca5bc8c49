using System.CommandLine;
using HomelabGate.Application;
using HomelabGate.Composition;
using HomelabGate.Core.Engine;
using HomelabGate.Core.State;
using HomelabGate.Rendering;
using HomelabGate.Status;

namespace HomelabGate.Cli;

/// <summary><c>gate apply</c>: carry the plan out. With a daemon running (it holds the state lock), apply asks the daemon
/// to reconcile now through its admin API — one writer, and the change is served the moment apply returns; it prints the
/// plan the daemon carried out, drift repairs and renewals included. Without a daemon, apply runs the same engine here:
/// DNS and certificates for real, the proxy configuration recorded for the next <c>gate run</c>.</summary>
public sealed class ApplyCommand(CommonOptions options, PlanCommand plan, ManifestPipeline pipeline, DiagnosticRenderer diagnostics,
    PlanTextRenderer text, PlanJsonRenderer json, ApplyReport report, StateServicesFactory states, DaemonClient daemon)
{
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Only show the plan (exit 0 = no changes, 2 = changes)" };

    public Command Build()
    {
        var command = new Command("apply", "Apply the manifest") { options.File, options.StateDir, options.Output, _dryRun, plan.NoRefresh };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var format = result.GetValue(options.Output);
            var paths = options.Paths(result);
            return result.GetValue(_dryRun)
                ? await plan.ExecuteAsync(paths, format, plan.Scope(result), output, error, cancellationToken)
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
        StateServices state;
        try
        {
            state = states.Open(result.StateDir!, result.Desired!.Settings.Cluster);
        }
        catch (StateStorageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
        using var opened = state;
        var (observed, planned) = await state.Engine.PlanAsync(result.Desired!, ObservationScope.Full, cancellationToken);
        // The plan first, as Terraform prints it: what follows is what happened to it.
        if (format == OutputFormat.Json)
        {
            json.Render(planned, output);
        }
        else
        {
            text.Render(planned, output, ReferenceEquals(output, Console.Out) && Paint.ForConsole());
        }
        var applied = await state.Engine.ApplyAsync(result.Desired!, observed, planned, result.Load.Manifest!.ContentHash, cancellationToken);
        if (format != OutputFormat.Json)
        {
            report.Write(applied, output);
        }
        return applied.Succeeded ? ExitCodes.Success : ExitCodes.Error;
    }

    private async Task<int> AskDaemonAsync(string stateDir, OutputFormat format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var admin = DaemonClient.AdminUrl(stateDir);
        if (admin is null)
        {
            error.WriteLine($"error: another gate process holds {StateLock.PathIn(stateDir)}; try again when it has finished.");
            return ExitCodes.Error;
        }
        try
        {
            var (succeeded, outcome) = await daemon.ReconcileAsync(admin, cancellationToken);
            if (format == OutputFormat.Json)
            {
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(outcome, StatusJson.Default.OutcomeDocument));
            }
            else
            {
                WriteOutcome(outcome, output);
            }
            return succeeded ? ExitCodes.Success : ExitCodes.Error;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: a gate daemon holds the state directory, but its admin API at {admin} did not answer: {e.Message}");
            return ExitCodes.Error;
        }
    }

    private static void WriteOutcome(OutcomeDocument outcome, TextWriter output)
    {
        output.WriteLine(outcome.Result switch
        {
            ReconcileResult.Applied => "The running daemon applied this plan:",
            ReconcileResult.Unchanged => "The running daemon already serves this manifest; nothing was left to do.",
            ReconcileResult.Failed => "The running daemon tried this plan; some of it failed (below) and stays pending:",
            ReconcileResult.Invalid => "The running daemon found the manifest invalid and keeps serving the last good one:",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Result, null),
        });
        output.Write(outcome.PlanText ?? "");
        foreach (var result in outcome.Results.Where(r => r.Outcome != ChangeOutcome.Succeeded))
        {
            output.WriteLine($"  {result.Id}: {(result.Outcome == ChangeOutcome.Failed ? "FAILED" : "waiting")}: {result.Detail}");
        }
        foreach (var line in outcome.Diagnostics)
        {
            output.WriteLine(line);
        }
        if (outcome.Message is { } message)
        {
            output.WriteLine(message);
        }
    }
}
