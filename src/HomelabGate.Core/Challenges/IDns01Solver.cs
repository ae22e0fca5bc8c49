namespace HomelabGate.Core.Challenges;

/// <summary>Publishes and removes DNS-01 TXT values (cert-manager's Present/CleanUp contract).
/// Apex and wildcard share one record name, so implementations add values and never replace the RRset.</summary>
public interface IDns01Solver
{
    Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken);

    Task CleanUpAsync(Dns01Challenge challenge, CancellationToken cancellationToken);
}
