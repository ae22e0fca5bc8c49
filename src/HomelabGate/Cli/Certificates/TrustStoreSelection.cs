using HomelabGate.Certificates.Trust;

namespace HomelabGate.Cli.Certificates;

/// <summary>The stores to act on, and a line for each store left out and why.</summary>
public sealed record TrustStoreSelection(IReadOnlyList<ITrustStore> Stores, IReadOnlyList<string> Skipped);
