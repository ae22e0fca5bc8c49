using HomelabGate.Core.Desired;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Orders;

/// <summary>One certificate to obtain: its DNS names (wildcards allowed), the key type to generate for it, and
/// optionally the issuer common name of the alternate chain to prefer (e.g. "ISRG Root X1").</summary>
public sealed record AcmeOrderRequest
{
    public AcmeOrderRequest(IEnumerable<string> domains, KeyType keyAlgorithm = KeyType.EcdsaP256, string? preferredChainIssuer = null)
    {
        var names = domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException("a certificate needs at least one DNS name", nameof(domains));
        }
        foreach (var name in names)
        {
            var bare = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
            if (bare.Length == 0 || bare.Contains('*') || Uri.CheckHostName(bare) != UriHostNameType.Dns)
            {
                throw new ArgumentException($"'{name}' is not a DNS name (a wildcard may only be a leading '*.')", nameof(domains));
            }
        }
        Domains = names;
        KeyAlgorithm = keyAlgorithm;
        PreferredChainIssuer = preferredChainIssuer;
    }

    public IReadOnlyList<string> Domains { get; }

    public KeyType KeyAlgorithm { get; }

    public string? PreferredChainIssuer { get; }
}
