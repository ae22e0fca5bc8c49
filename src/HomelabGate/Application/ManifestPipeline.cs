using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Application;

/// <summary>The shared front half of every command and of the daemon: load, validate, build the desired state.</summary>
public sealed class ManifestPipeline(ManifestLoader loader, DesiredStateBuilder builder)
{
    public PipelineResult Run(GatePaths paths)
    {
        var load = loader.Load(paths.ManifestPath);
        if (!load.Succeeded)
        {
            return new PipelineResult(load, null, null);
        }
        var spec = load.Manifest!.Spec;
        return new PipelineResult(load, builder.Build(spec, paths.ManifestDirectory), paths.ResolveStateDir(spec.Settings.StateDir));
    }
}
