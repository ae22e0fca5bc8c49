using System.CommandLine;
using HomelabGate.Application;
using HomelabGate.Rendering;

namespace HomelabGate.Cli;

/// <summary><c>gate validate</c>: every problem in the manifest at once; exit 0 when valid (warnings allowed), 1 when not.</summary>
public sealed class ValidateCommand(CommonOptions options, ManifestPipeline pipeline, DiagnosticRenderer diagnostics)
{
    public Command Build()
    {
        var command = new Command("validate", "Check the manifest: YAML, schema and rules, all problems at once") { options.File };
        command.SetAction((result, _) => Task.FromResult(Execute(options.Paths(result), result.InvocationConfiguration.Output)));
        return command;
    }

    public int Execute(GatePaths paths, TextWriter output)
    {
        var result = pipeline.Run(paths);
        diagnostics.Render(result.Load.Diagnostics, result.Load.Source, output);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }
        var spec = result.Load.Manifest!.Spec;
        output.WriteLine($"{Path.GetFileName(paths.ManifestPath)} is valid: {spec.Hosts.Count} hosts, {spec.Upstreams.Count} upstreams, " +
            $"{spec.Certificates.Count} certificates, {spec.AccessLists.Count} access lists, {spec.Dns?.Records?.Count ?? 0} DNS records.");
        return ExitCodes.Success;
    }
}
