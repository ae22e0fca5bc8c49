using System.CommandLine;
using HomelabGate.Application;
using HomelabGate.Composition;
using HomelabGate.Core.Engine;
using HomelabGate.Core.State;
using HomelabGate.Rendering;

namespace HomelabGate.Cli;

/// <summary><c>gate plan</c> (also <c>gate apply --dry-run</c>): what apply would do, each change with its reason —
/// the manifest against the last applied state, the DNS provider and the certificate store, through the same engine the
/// daemon uses. Exit 0 = no changes, 2 = changes, 1 = error.</summary>
public sealed class PlanCommand(CommonOptions options, ManifestPipeline pipeline, DiagnosticRenderer diagnostics,
    PlanTextRenderer text, PlanJsonRenderer json, StateServicesFactory states, PlanAgainstManifest baseline)
{
    public Option<bool> NoRefresh { get; } = new("--no-refresh")
    {
        Description = "Do not contact the DNS provider or the ACME CA: plan against the last applied state only (CI without secrets)",
    };

    public Option<string?> Against { get; } = new("--against")
    {
        Description = "Plan against another manifest (e.g. the base branch's) instead of the applied state: no state directory, no network",
    };

    public Command Build()
    {
        var command = new Command("plan", "Show what apply would change (same as apply --dry-run)") { options.File, options.StateDir, options.Output, NoRefresh, Against };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var format = result.GetValue(options.Output);
            return result.GetValue(Against) is not { } against
                ? await ExecuteAsync(options.Paths(result), format, Scope(result), output, error, cancellationToken)
                : baseline.Plan(options.Paths(result), against, output, error) is { } plan
                    ? Write(plan, format, output)
                    : ExitCodes.Error;
        });
        return command;
    }

    public ObservationScope Scope(ParseResult result) => result.GetValue(NoRefresh) ? ObservationScope.Local : ObservationScope.Full;

    public async Task<int> ExecuteAsync(GatePaths paths, OutputFormat format, ObservationScope scope, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = pipeline.Run(paths);
        diagnostics.Render(result.Load.Diagnostics, result.Load.Source, result.Succeeded ? error : output);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }
        Core.Planning.Plan plan;
        try
        {
            using var state = states.Open(result.StateDir!, result.Desired!.Settings.Cluster);
            (_, plan) = await state.Engine.PlanAsync(result.Desired!, scope, cancellationToken);
        }
        catch (Exception e) when (e is StateCorruptException or StateStorageException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
        return Write(plan, format, output);
    }

    /// <summary>Prints the plan as text (coloured on a terminal) or JSON; the exit code says whether it has changes.</summary>
    public int Write(Core.Planning.Plan plan, OutputFormat format, TextWriter output)
    {
        if (format == OutputFormat.Json)
        {
            json.Render(plan, output);
        }
        else
        {
            text.Render(plan, output, ReferenceEquals(output, Console.Out) && Paint.ForConsole());
        }
        return plan.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
    }
}
