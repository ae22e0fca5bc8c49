using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Issuing;

/// <summary>
/// The names a certificate covers, split into DNS names and IP addresses, normalized (lower case, no
/// trailing dot) and sorted, so "same names" is plain sequence equality.
/// </summary>
public sealed record SubjectNames(IReadOnlyList<string> DnsNames, IReadOnlyList<IPAddress> IpAddresses)
{
    public static SubjectNames Parse(IEnumerable<string> domains)
    {
        var dns = new SortedSet<string>(StringComparer.Ordinal);
        var ips = new List<IPAddress>();
        foreach (var raw in domains)
        {
            var value = raw.Trim();
            if (IPAddress.TryParse(value, out var ip))
            {
                ips.Add(ip);
            }
            else if (IsDnsName(value))
            {
                dns.Add(value.TrimEnd('.').ToLowerInvariant());
            }
            else
            {
                throw new ArgumentException($"'{raw}' is neither a DNS name nor an IP address", nameof(domains));
            }
        }

        return new SubjectNames(dns.ToArray(), Distinct(ips));
    }

    /// <summary>The SANs of an existing certificate; empty when it has no SAN extension.</summary>
    public static SubjectNames Of(X509Certificate2 certificate)
    {
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        return san is null
            ? new SubjectNames([], [])
            : Parse(san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString())));
    }

    public bool IsEmpty => DnsNames.Count == 0 && IpAddresses.Count == 0;

    public IEnumerable<string> All => DnsNames.Concat(IpAddresses.Select(ip => ip.ToString()));

    public bool Equals(SubjectNames? other) =>
        other is not null && DnsNames.SequenceEqual(other.DnsNames) && IpAddresses.SequenceEqual(other.IpAddresses);

    public override int GetHashCode() => HashCode.Combine(DnsNames.Count, IpAddresses.Count);

    public override string ToString() => string.Join(", ", All);

    private static IReadOnlyList<IPAddress> Distinct(List<IPAddress> ips) =>
        ips.Distinct().OrderBy(ip => ip.AddressFamily).ThenBy(ip => Convert.ToHexString(ip.GetAddressBytes()), StringComparer.Ordinal).ToArray();

    // Letters, digits, hyphens and dots, with an optional leading "*." wildcard label.
    private static bool IsDnsName(string value)
    {
        var name = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        name = name.TrimEnd('.');
        return name.Length is > 0 and <= 253
            && name.Split('.').All(label => label.Length is > 0 and <= 63
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')
                && label[0] != '-' && label[^1] != '-');
    }
}
