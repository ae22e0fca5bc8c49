using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

/// <summary>Turns a validated manifest into normalized resources: lower-case names without trailing dots, sorted domain
/// sets, defaults filled in, inline <c>to:</c> URLs made into pools of one.</summary>
public sealed class DesiredStateBuilder
{
    public DesiredState Build(ManifestSpec spec)
    {
        var resources = new List<Resource> { SettingsBuilder.Build(spec.Settings, spec.Dns) with { Streams = TcpStreamBuilder.Build(spec.Streams) } };
        resources.AddRange(spec.Upstreams.Select(u => UpstreamBuilder.Build(u.Key, u.Value)));
        foreach (var (name, host) in spec.Hosts)
        {
            if (host.To is not null)
            {
                resources.Add(UpstreamBuilder.Inline(InlinePoolName(name), host.To));
            }
            foreach (var (location, index) in (host.Locations ?? []).Select((l, i) => (l, i)))
            {
                if (location.To is not null)
                {
                    resources.Add(UpstreamBuilder.Inline(InlinePoolName($"{name}-location-{index}"), location.To));
                }
            }
            resources.Add(HostBuilder.Build(name, host));
        }
        resources.AddRange(spec.AccessLists.Select(a => AccessListBuilder.Build(a.Key, a.Value)));
        resources.AddRange(spec.Issuers.Select(i => CertificateBuilder.Issuer(i.Key, i.Value)));
        resources.AddRange(spec.Certificates.Select(c => CertificateBuilder.Certificate(c.Key, c.Value, spec.Issuers)));
        resources.AddRange(DnsRecordBuilder.Build(spec));
        return DesiredState.Of(resources);
    }

    /// <summary>The pool name for a host's inline <c>to:</c>; the prefix cannot collide with a user's pool name
    /// because the schema's names may not contain ':'.</summary>
    public static string InlinePoolName(string hostName) => $"host:{hostName}";

    internal static string NormalizeDomain(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
