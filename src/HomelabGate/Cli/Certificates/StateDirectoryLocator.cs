using HomelabGate.Application;

namespace HomelabGate.Cli.Certificates;

/// <summary>The state directory for commands that only read it: --state-dir or $HOMELABGATE_STATE_DIR when given, else
/// the manifest's settings.stateDir. A missing or invalid manifest does not stop these commands: they fall back to
/// ./data next to it, because exporting or inspecting certificates must work while the manifest is being fixed.</summary>
public sealed class StateDirectoryLocator(ManifestPipeline pipeline)
{
    public string Locate(GatePaths paths)
    {
        if (paths.StateDirOverride is not null || Environment.GetEnvironmentVariable(GatePaths.StateDirVariable) is not null)
        {
            return paths.ResolveStateDir(null);
        }
        return pipeline.Run(paths).StateDir ?? paths.ResolveStateDir(null);
    }
}
