using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Validation.Rules;

namespace HomelabGate.Proxy.Tls;

/// <summary>Which certificate answers which server name: a host's own certificate for the host's domains first, then
/// every certificate for the names it covers (certificates used by no host, e.g. for the default site), and the
/// certificates streams name, by name only.</summary>
public static class SniEntries
{
    public static SniCertificateMap Build(DesiredState desired, IReadOnlyList<ServedCertificate> served)
    {
        var byName = served.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var entries = new List<SniEntry>();
        foreach (var host in desired.All<ProxyHost>())
        {
            if (host.Certificate is { } name && byName.TryGetValue(name, out var certificate))
            {
                entries.AddRange(host.Domains.Select(d => new SniEntry(d, name, certificate.Leaf, certificate.Chain)));
            }
        }
        foreach (var certificate in served)
        {
            entries.AddRange(certificate.Names.Where(n => !System.Net.IPAddress.TryParse(n, out _))
                .Select(n => new SniEntry(n, certificate.Name, certificate.Leaf, certificate.Chain)));
        }
        // Hosts whose domains a certificate covers by wildcard also get it when they name no certificate.
        foreach (var host in desired.All<ProxyHost>().Where(h => h.Certificate is null))
        {
            foreach (var domain in host.Domains)
            {
                if (served.FirstOrDefault(s => TlsRule.Covers(s.Names, domain)) is { } covering)
                {
                    entries.Add(new SniEntry(domain, covering.Name, covering.Leaf, covering.Chain));
                }
            }
        }
        // Streams pick their certificate by name, whatever names it covers (an IP-only certificate has no entry above).
        foreach (var stream in desired.Settings.Streams)
        {
            if (stream.Certificate is { } name && byName.TryGetValue(name, out var certificate))
            {
                entries.Add(new SniEntry(null, name, certificate.Leaf, certificate.Chain));
            }
        }
        return new SniCertificateMap(entries, desired.Settings.DefaultCertificate);
    }
}
