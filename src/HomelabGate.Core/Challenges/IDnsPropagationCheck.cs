namespace HomelabGate.Core.Challenges;

/// <summary>Answers whether a published TXT value is visible at the servers the ACME CA will ask
/// (the zone's authoritative servers, or resolvers named in the manifest) — never the system resolver by default.</summary>
public interface IDnsPropagationCheck
{
    /// <returns>true once every queried server returns <see cref="Dns01Challenge.Value"/>; false if the time bound passed.</returns>
    Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken);
}
