using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Cli.Certificates;

/// <summary>The root, or the problem that kept it from being read.</summary>
public sealed record CaRootLookup(X509Certificate2? Root, string? Problem)
{
    public static CaRootLookup Found(X509Certificate2 root) => new(root, null);

    public static CaRootLookup Missing(string problem) => new(null, problem);
}
