using HomelabGate.Composition;
using HomelabGate.Core.State;

namespace HomelabGate.Cli.Certificates;

/// <summary>Opens the state that <c>gate cert</c> and <c>gate ca</c> read: the state directory, or the cluster's etcd
/// when the manifest names one, so these commands show on any replica what the replicas serve.</summary>
public sealed class StateReader(CommonOptions options, StateDirectoryLocator locator, StateServicesFactory states)
{
    /// <returns>The open state, or null after one error line (etcd unreachable, a key that does not open it).</returns>
    public StateServices? Open(System.CommandLine.ParseResult result, TextWriter error)
    {
        var (directory, cluster) = locator.LocateState(options.Paths(result));
        try
        {
            return states.Open(directory, cluster);
        }
        catch (StateStorageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
