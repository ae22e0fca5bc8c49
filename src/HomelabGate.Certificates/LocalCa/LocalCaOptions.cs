using HomelabGate.Core.Desired;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>How to create the local CA. Only read when the CA is first created (or its intermediate replaced).</summary>
public sealed record LocalCaOptions
{
    /// <summary>Key type for both root and intermediate.</summary>
    public KeyType KeyAlgorithm { get; init; } = KeyType.EcdsaP256;

    /// <summary>Ten years, like mkcert: the root is installed by hand on every device, so it should rarely change.</summary>
    public TimeSpan RootLifetime { get; init; } = TimeSpan.FromDays(3650);

    /// <summary>
    /// Three years: shorter than the root so a leaked intermediate key ages out, long enough that replacing it
    /// (automatic, see <see cref="LocalCaProvider"/>) is rare. No device stores it; replacing it costs nothing.
    /// </summary>
    public TimeSpan IntermediateLifetime { get; init; } = TimeSpan.FromDays(3 * 365);

    /// <summary>Null means unconstrained (mkcert's behaviour). Recommended: your home domain.</summary>
    public NameConstraints? NameConstraints { get; init; }
}
