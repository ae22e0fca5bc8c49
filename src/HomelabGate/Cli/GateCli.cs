using System.CommandLine;
using HomelabGate.Cli.Certificates;

namespace HomelabGate.Cli;

/// <summary>The <c>gate</c> command tree.</summary>
public sealed class GateCli(ValidateCommand validate, PlanCommand plan, ApplyCommand apply, RunCommand run, DriftCommand drift, StatusCommand status,
    HashPasswordCommand hashPassword, CaCommand ca, CertCommand cert, ImportCommand import,
    Cluster.ClusterCommand cluster)
{
    public RootCommand Build()
    {
        var root = new RootCommand("HomelabGate: one manifest for your homelab's reverse proxy, certificates and DNS.");
        root.Subcommands.Add(validate.Build());
        root.Subcommands.Add(plan.Build());
        root.Subcommands.Add(apply.Build());
        root.Subcommands.Add(run.Build());
        root.Subcommands.Add(drift.Build());
        root.Subcommands.Add(status.Build());
        root.Subcommands.Add(hashPassword.Build());
        root.Subcommands.Add(ca.Build());
        root.Subcommands.Add(cert.Build());
        root.Subcommands.Add(import.Build());
        root.Subcommands.Add(cluster.Build());
        return root;
    }
}
