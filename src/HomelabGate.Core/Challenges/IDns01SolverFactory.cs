using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Challenges;

/// <summary>Builds what publishes an issuer's DNS-01 records (<c>dns01.provider</c>) and what checks they are visible.
/// Lives behind this seam so the ACME source needs only Core, and DNS providers stay in the DNS project.</summary>
public interface IDns01SolverFactory
{
    Dns01Solution Create(Dns01Settings settings);
}

public sealed record Dns01Solution(IDns01Solver Solver, IDnsPropagationCheck Propagation);
