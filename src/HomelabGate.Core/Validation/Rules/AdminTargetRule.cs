using System.Net;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>No upstream target, <c>to:</c>, forward-auth URL or stream may point at the gate's own admin listener (in any
/// spelling of this machine): the gate would forward any client to its admin API as a trusted local caller.</summary>
public sealed class AdminTargetRule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        var admin = spec.Settings.Admin ?? GatewaySettings.DefaultAdmin;
        if (!ListenAddress.TryParse(admin, out var listener, out _))
        {
            yield break;
        }
        foreach (var (path, target, host, port) in Targets(spec))
        {
            if (port == listener.Port && LocalAddress.OfHost(host) is { } address && Reaches(address, LocalAddress.Unmapped(listener.Address)))
            {
                yield return Diagnostic.Error(DiagnosticCodes.TargetsAdmin, $"'{target}' points at the admin listener ({admin})",
                    manifest.Map.Value(path), "the gate would hand any client its admin API as a local caller; point this at the service, or move settings.admin to another port");
            }
        }
    }

    private static bool Reaches(IPAddress target, IPAddress admin) =>
        target.Equals(admin) || ((LocalAddress.IsLoopback(target) || LocalAddress.IsAny(target)) && (LocalAddress.IsLoopback(admin) || LocalAddress.IsAny(admin)));

    private static IEnumerable<(string Path, string Target, string Host, int Port)> Targets(ManifestSpec spec)
    {
        var urls = new List<(string Path, string? Url)>();
        foreach (var (name, upstream) in spec.Upstreams)
        {
            urls.AddRange(upstream.Targets.Select((t, i) => (ManifestPath.Item($"upstreams.{name}.targets", i), (string?)t.Url)));
        }
        foreach (var (name, host) in spec.Hosts)
        {
            urls.Add(($"hosts.{name}.to", host.To));
            urls.Add(($"hosts.{name}.forwardAuth.url", host.ForwardAuth?.Url));
            urls.AddRange((host.Locations ?? []).Select((l, i) => ($"hosts.{name}.locations[{i}].to", l.To)));
        }
        foreach (var (path, url) in urls)
        {
            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Port > 0)
            {
                yield return (path, url, uri.Host, uri.Port);
            }
        }
        foreach (var (name, stream) in spec.Streams)
        {
            var colon = stream.To.LastIndexOf(':');
            if (colon > 0 && int.TryParse(stream.To[(colon + 1)..], out var port))
            {
                yield return ($"streams.{name}.to", stream.To, stream.To[..colon], port);
            }
        }
    }
}
