using System.CommandLine;

namespace HomelabGate.Cli.Cluster;

/// <summary><c>gate cluster</c>: replicas on etcd (today: migrate a state directory in or out).</summary>
public sealed class ClusterCommand(ClusterMigrateCommand migrate)
{
    public Command Build()
    {
        var command = new Command("cluster", "Work with the replicas' shared state in etcd");
        command.Subcommands.Add(migrate.Build());
        return command;
    }
}
