using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Planning;
using HomelabGate.Rendering;

namespace HomelabGate.Cli;

/// <summary><c>gate plan --against BASE</c>: the manifest compared with another manifest — in CI, the pull request's
/// against the base branch's — resource by resource, with the same planner. Nothing outside the two files is read: no
/// state directory, no DNS provider, no ACME CA, so it needs no secrets and reports only what the edit changes.</summary>
public sealed class PlanAgainstManifest(ManifestPipeline pipeline, DiagnosticRenderer diagnostics)
{
    /// <returns>The plan, or null when the manifest itself is invalid (its diagnostics are printed).</returns>
    public Plan? Plan(GatePaths paths, string againstPath, TextWriter output, TextWriter error)
    {
        var current = pipeline.Run(paths);
        diagnostics.Render(current.Load.Diagnostics, current.Load.Source, current.Succeeded ? error : output);
        if (!current.Succeeded)
        {
            return null;
        }
        var notes = new List<string> { $"planned against the manifest {againstPath}, not against what is applied (no state directory, DNS provider or ACME CA was read)." };
        var baseline = pipeline.Run(new GatePaths(againstPath, null));
        if (!baseline.Succeeded)
        {
            var missing = baseline.Load.Diagnostics.Any(d => d.Code == DiagnosticCodes.FileNotFound);
            var errors = baseline.Load.Diagnostics.Count(d => d.IsError);
            notes.Add(missing
                ? $"{againstPath} does not exist; every resource is new."
                : $"{againstPath} is invalid ({errors} {(errors == 1 ? "error" : "errors")}; run gate validate -f {againstPath}); every resource is planned as new.");
        }
        var plan = Planner.Diff(current.Desired!, baseline.Desired ?? DesiredState.Empty);
        return plan with { Notes = new ValueList<string>([.. notes, .. plan.Notes]) };
    }
}
