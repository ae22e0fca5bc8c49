using HomelabGate.Application;
using HomelabGate.Core.Desired;

namespace HomelabGate.Cli.Certificates;

/// <summary>The state directory for commands that only read it: --state-dir or $HOMELABGATE_STATE_DIR when given, else
/// the manifest's settings.stateDir. A missing or invalid manifest does not stop these commands: they fall back to
/// ./data next to it, because exporting or inspecting certificates must work while the manifest is being fixed.</summary>
public sealed class StateDirectoryLocator(ManifestPipeline pipeline)
{
    public string Locate(GatePaths paths) => LocateState(paths).Directory;

    /// <summary>The directory, and the manifest's <c>settings.cluster</c> when it names one and no directory was given
    /// explicitly: a cluster's certificates and CA live in etcd, not in the node's state directory.</summary>
    public (string Directory, ClusterSettings? Cluster) LocateState(GatePaths paths)
    {
        if (paths.StateDirOverride is not null || Environment.GetEnvironmentVariable(GatePaths.StateDirVariable) is not null)
        {
            return (paths.ResolveStateDir(null), null);
        }
        var run = pipeline.Run(paths);
        return (run.StateDir ?? paths.ResolveStateDir(null), run.Desired?.Settings.Cluster);
    }
}
