using System.Net;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>
/// What the intermediate may sign for: DNS subtrees (<c>home.test</c> covers <c>home.test</c> and every name
/// below it) and IP ranges. Baked into the intermediate as a critical X.509 extension, so a stolen
/// intermediate key cannot mint a certificate for a bank that clients would accept.
/// </summary>
public sealed record NameConstraints
{
    public NameConstraints(IEnumerable<string> permittedDnsSubtrees, IEnumerable<IPNetwork>? permittedIpRanges = null)
    {
        PermittedDnsSubtrees = permittedDnsSubtrees.Select(Normalize).Distinct().Order(StringComparer.Ordinal).ToArray();
        PermittedIpRanges = (permittedIpRanges ?? []).Distinct().OrderBy(n => n.ToString(), StringComparer.Ordinal).ToArray();
        if (PermittedDnsSubtrees.Count == 0)
        {
            // Without a DNS subtree, DNS names would be unconstrained, which defeats the purpose.
            throw new ArgumentException("name constraints need at least one permitted DNS subtree, e.g. 'home.test'", nameof(permittedDnsSubtrees));
        }
    }

    public IReadOnlyList<string> PermittedDnsSubtrees { get; }

    /// <summary>When empty, every IP address is excluded (see <see cref="NameConstraintsExtension"/>).</summary>
    public IReadOnlyList<IPNetwork> PermittedIpRanges { get; }

    public bool Permits(string dnsName)
    {
        var name = Normalize(dnsName);
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        return PermittedDnsSubtrees.Any(subtree => name == subtree || name.EndsWith("." + subtree, StringComparison.Ordinal));
    }

    public bool Permits(IPAddress address) => PermittedIpRanges.Any(range => range.Contains(address));

    public bool Equals(NameConstraints? other) =>
        other is not null
        && PermittedDnsSubtrees.SequenceEqual(other.PermittedDnsSubtrees)
        && PermittedIpRanges.SequenceEqual(other.PermittedIpRanges);

    public override int GetHashCode() => HashCode.Combine(PermittedDnsSubtrees.Count, PermittedIpRanges.Count, PermittedDnsSubtrees[0]);

    public override string ToString() =>
        $"DNS [{string.Join(", ", PermittedDnsSubtrees)}], IP [{string.Join(", ", PermittedIpRanges)}]";

    // A leading dot means "subdomains only" to some verifiers; we always mean "this name and below".
    private static string Normalize(string name) => name.Trim().TrimStart('.').TrimEnd('.').ToLowerInvariant();
}
