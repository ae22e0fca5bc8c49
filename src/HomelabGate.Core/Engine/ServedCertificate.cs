using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Core.Engine;

/// <summary>A certificate ready for the TLS listener: the leaf with its key, the intermediates to send, and the names it covers.</summary>
public sealed record ServedCertificate(string Name, X509Certificate2 Leaf, IReadOnlyList<X509Certificate2> Chain, IReadOnlyList<string> Names);
