using HomelabGate.Core.Desired;
using HomelabGate.Core.Validation.Rules;

namespace HomelabGate.Daemon.Status;

/// <summary>The served configuration shaped for the status page: each host with its certificate, access list and link;
/// streams; access lists (counts, never users' names or hashes); and who presents each certificate. The certificate of a
/// host is chosen as the TLS listener chooses it: its own, else one whose names cover its first domain, else the
/// default.</summary>
public static class ServedConfiguration
{
    public static IReadOnlyList<HostStatus> Hosts(DesiredState served) =>
        [.. served.All<ProxyHost>().Select(h => Host(h, served))];

    public static IReadOnlyList<StreamStatus> Streams(DesiredState served) =>
        [.. served.Settings.Streams.Select(s => new StreamStatus(s.Name, s.Listen, s.To, s.Certificate))];

    public static IReadOnlyList<AccessListStatus> AccessLists(DesiredState served) =>
        [.. served.All<AccessList>().Select(a => new AccessListStatus(a.Name, a.Rules.Count(r => r.Allow), a.Rules.Count(r => !r.Allow), a.Users.Count,
            a.RequireAll, [.. served.All<ProxyHost>().Where(h => h.AccessList == a.Name).Select(h => h.Name)]))];

    public static IReadOnlyDictionary<string, CertificateUse> CertificateUses(DesiredState served, IReadOnlyList<HostStatus> hosts) =>
        served.All<Certificate>().ToDictionary(c => c.Name, c => new CertificateUse([.. c.Domains],
            [.. hosts.Where(h => h.Certificate == c.Name).Select(h => $"host {h.Name}"),
             .. served.Settings.Streams.Where(s => s.Certificate == c.Name).Select(s => $"stream {s.Name}")]), StringComparer.Ordinal);

    private static HostStatus Host(ProxyHost host, DesiredState served)
    {
        var certificate = Certificate(host, served);
        return new HostStatus(host.Name, [.. host.Domains],
            [.. new[] { host.Upstream }.Concat(host.Locations.Select(l => l.Upstream)).OfType<string>().Distinct(StringComparer.Ordinal)],
            host.Respond?.Status, host.Redirect?.To)
        {
            Certificate = certificate,
            AccessList = host.AccessList,
            Link = Link(served.Settings, certificate is not null),
        };
    }

    private static string? Certificate(ProxyHost host, DesiredState served)
    {
        if (served.Settings.HttpsListen is null)
        {
            return null;
        }
        var domain = host.Domains.FirstOrDefault();
        return host.Certificate
            ?? served.All<Certificate>().FirstOrDefault(c => domain is not null && TlsRule.Covers(c.Domains, domain))?.Name
            ?? served.Settings.DefaultCertificate;
    }

    /// <summary>HTTPS when the host has a certificate there, else plain HTTP; null when neither listener serves it.</summary>
    private static HostLink? Link(GatewaySettings settings, bool hasCertificate) =>
        hasCertificate && Port(settings.HttpsListen) is { } https ? new HostLink("https", https)
        : Port(settings.HttpListen) is { } http ? new HostLink("http", http)
        : null;

    private static int? Port(string? listen) => listen is not null && ListenAddress.TryParse(listen, out var endpoint, out _) ? endpoint.Port : null;
}
