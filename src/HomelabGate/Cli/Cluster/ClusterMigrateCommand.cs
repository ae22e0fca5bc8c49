using System.CommandLine;
using HomelabGate.Application;
using HomelabGate.Cluster.Etcd;
using HomelabGate.Composition;
using HomelabGate.Core.State;
using HomelabGate.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Cli.Cluster;

/// <summary><c>gate cluster migrate --from-state-dir DIR</c> copies a single node's state into the manifest's etcd
/// (taking the leadership for the write, so no replica may run); <c>--to-state-dir DIR</c> copies it back out.</summary>
public sealed class ClusterMigrateCommand(CommonOptions options, ManifestPipeline pipeline, DiagnosticRenderer diagnostics, StateServicesFactory states)
{
    private readonly Option<string?> _from = new("--from-state-dir") { Description = "A state directory to copy into etcd" };
    private readonly Option<string?> _to = new("--to-state-dir") { Description = "A state directory to copy etcd's state into" };
    private readonly Option<bool> _force = new("--force") { Description = "Replace state the target already holds" };

    public Command Build()
    {
        var command = new Command("migrate", "Move a state directory into the cluster's etcd, or back") { options.File, _from, _to, _force };
        command.SetAction((result, cancellationToken) => ExecuteAsync(options.Paths(result), result.GetValue(_from), result.GetValue(_to), result.GetValue(_force),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    public async Task<int> ExecuteAsync(GatePaths paths, string? from, string? to, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if ((from is null) == (to is null))
        {
            error.WriteLine("error: give exactly one of --from-state-dir DIR (into etcd) and --to-state-dir DIR (out of etcd)");
            return ExitCodes.Error;
        }
        var manifest = pipeline.Run(paths);
        diagnostics.Render(manifest.Load.Diagnostics, manifest.Load.Source, error);
        if (manifest.Desired?.Settings.Cluster is not { } cluster)
        {
            error.WriteLine(manifest.Succeeded ? $"error: {paths.ManifestPath} has no settings.cluster: there is no etcd to migrate to or from" : "error: the manifest is invalid");
            return ExitCodes.Error;
        }
        var directory = new FileStateStorage(Path.GetFullPath(from ?? to!));
        try
        {
            using var state = states.Open(manifest.StateDir!, cluster);
            var etcd = state.Provider.GetRequiredService<EtcdStateStorage>();
            if (from is not null && await state.Provider.GetRequiredService<EtcdLeaderLock>().PermitAsync(cancellationToken) is null)
            {
                error.WriteLine($"error: replica {state.Provider.GetRequiredService<EtcdLeaderLock>().View.Leader ?? "(unknown)"} leads the cluster; stop every replica before migrating into etcd");
                return ExitCodes.Error;
            }
            var copied = from is not null
                ? await StateMigrator.CopyAsync(directory, etcd, force, cancellationToken)
                : await StateMigrator.CopyAsync(etcd, directory, force, cancellationToken);
            output.WriteLine($"Copied {copied.Count} keys ({copied.Count(StateKeys.IsSecret)} secret) from {(from is not null ? directory.Root : $"etcd {cluster.Prefix}")} " +
                $"to {(from is not null ? $"etcd {cluster.Prefix} (secrets encrypted)" : directory.Root)}.");
            foreach (var key in copied)
            {
                output.WriteLine($"  {key}");
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is StateStorageException or InvalidOperationException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
