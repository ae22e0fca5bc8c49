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
    PlanTextRenderer text, PlanJsonRenderer json, StateServicesFactory states)
{
    public Option<bool> NoRefresh { get; } = new("--no-refresh")
    {
        Description = "Do not contact the DNS provider or the ACME CA: plan against the last applied state only (CI without secrets)",
    };

    public Command Build()
    {
        var command = new Command("plan", "Show what apply would change (same as apply --dry-run)") { options.File, options.StateDir, options.Output, NoRefresh };
        command.SetAction((result, cancellationToken) => ExecuteAsync(options.Paths(result), result.GetValue(options.Output), Scope(result),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
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
