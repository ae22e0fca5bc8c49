using System.CommandLine;
using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;
using HomelabGate.Rendering;

namespace HomelabGate.Cli;

/// <summary><c>gate plan</c> (also <c>gate apply --dry-run</c>): what apply would create, change, replace or remove,
/// against the last applied state. Exit 0 = no changes, 2 = changes, 1 = error.</summary>
public sealed class PlanCommand(CommonOptions options, ManifestPipeline pipeline, DiagnosticRenderer diagnostics,
    PlanTextRenderer text, PlanJsonRenderer json, CertificateCheck certificates)
{
    public Command Build()
    {
        var command = new Command("plan", "Show what apply would change (same as apply --dry-run)") { options.File, options.StateDir, options.Output };
        command.SetAction((result, _) => Task.FromResult(Execute(options.Paths(result), result.GetValue(options.Output),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return command;
    }

    public int Execute(GatePaths paths, OutputFormat format, TextWriter output, TextWriter error)
    {
        var result = pipeline.Run(paths);
        diagnostics.Render(result.Load.Diagnostics, result.Load.Source, result.Succeeded ? error : output);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }
        AppliedState? applied;
        try
        {
            applied = new StateStore(result.StateDir!).LoadApplied();
        }
        catch (StateCorruptException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
        var plan = Planner.Plan(result.Desired!, applied?.Desired ?? DesiredState.Empty);
        // Certificates already applied but due (renewal window, expired, damaged on disk) are work apply will do, too.
        var renewals = applied is null ? [] : certificates.Evaluate(result.Desired!, result.StateDir!)
            .Where(f => applied.Desired.Find<Certificate>(f.Certificate.Name) is not null && !plan.Changes.Any(c => c.Id == f.Certificate.Id))
            .ToList();
        if (format == OutputFormat.Json)
        {
            var node = json.ToJson(plan);
            node["renewals"] = new System.Text.Json.Nodes.JsonArray(renewals.Select(r => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["certificate"] = r.Certificate.Name, ["reason"] = r.Reason.Message, ["found"] = r.Found,
            }).ToArray());
            output.WriteLine(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            text.Render(plan, output);
            foreach (var renewal in renewals)
            {
                output.WriteLine($"  ~ renew certificate {renewal.Certificate.Name} {renewal.Certificate.Summary}: {renewal.Reason.Message}");
            }
        }
        return plan.HasChanges || renewals.Count > 0 ? ExitCodes.Changes : ExitCodes.Success;
    }
}
