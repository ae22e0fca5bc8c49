using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

/// <summary>Turns a validated manifest into normalized resources: lower-case names without trailing dots, sorted domain
/// sets, defaults filled in, inline <c>to:</c> URLs made into pools of one.</summary>
public sealed class DesiredStateBuilder
{
    /// <summary>Relative paths stay as written: for a manifest read from memory, which has no folder.</summary>
    public DesiredState Build(ManifestSpec spec) => Build(spec, ManifestFolder.None);

    /// <param name="manifestDirectory">The manifest's folder: relative paths in the manifest are resolved against it.</param>
    public DesiredState Build(ManifestSpec spec, string manifestDirectory) => Build(spec, new ManifestFolder(manifestDirectory));

    private static DesiredState Build(ManifestSpec spec, ManifestFolder folder)
    {
        var resources = new List<Resource> { SettingsBuilder.Build(spec.Settings, spec.Dns, folder) with { Streams = TcpStreamBuilder.Build(spec.Streams) } };
        resources.AddRange(spec.Upstreams.Select(u => UpstreamBuilder.Build(u.Key, u.Value, folder)));
        foreach (var (name, host) in spec.Hosts)
        {
            if (host.To is not null)
            {
                resources.Add(UpstreamBuilder.Inline(InlinePoolName(name), host.To, host.HealthCheck));
            }
            foreach (var (location, index) in (host.Locations ?? []).Select((l, i) => (l, i)))
            {
                if (location.To is not null)
                {
                    resources.Add(UpstreamBuilder.Inline(InlineLocationPoolName(name, index), location.To, null));
                }
            }
            resources.Add(HostBuilder.Build(name, host, spec.Settings, folder));
        }
        resources.AddRange(spec.AccessLists.Select(a => AccessListBuilder.Build(a.Key, a.Value, folder)));
        resources.AddRange(spec.Issuers.Select(i => CertificateBuilder.Issuer(i.Key, i.Value, folder)));
        resources.AddRange(spec.Certificates.Select(c => CertificateBuilder.Certificate(c.Key, c.Value, spec.Issuers, folder)));
        resources.AddRange(DnsRecordBuilder.Build(spec));
        return DesiredState.Of(resources);
    }

    /// <summary>The pool name for a host's inline <c>to:</c>; the prefix cannot collide with a user's pool name
    /// because the schema's names may not contain ':'.</summary>
    public static string InlinePoolName(string hostName) => $"host:{hostName}";

    /// <summary>The pool name for a location's inline <c>to:</c>. The '/' keeps it apart from every host's own pool
    /// (host names may not contain '/'): "host:a-location-0" was both host a's first location and host
    /// "a-location-0", and the two pools collided.</summary>
    public static string InlineLocationPoolName(string hostName, int index) => $"host:{hostName}/location-{index}";

    internal static string NormalizeDomain(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
