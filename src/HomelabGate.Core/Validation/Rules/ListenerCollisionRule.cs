using System.Net;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Two listeners of the manifest on one port (the same address, or either on 0.0.0.0/[::]) would make
/// <c>gate run</c> fail to start; said here, with both places, instead of as a bind error at start.</summary>
public sealed class ListenerCollisionRule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        var listens = new List<(string? Value, string Path)>
        {
            (spec.Settings.Listen?.Http ?? (spec.Settings.Listen is null ? "0.0.0.0:8080" : null), "settings.listen.http"),
            (spec.Settings.Listen?.Https, "settings.listen.https"), (spec.Settings.Admin ?? "127.0.0.1:9180", "settings.admin"),
        };
        listens.AddRange(spec.Streams.Select(s => ((string?)s.Value.Listen, $"streams.{s.Key}.listen")));
        var seen = new List<(IPEndPoint Endpoint, string Path)>();
        foreach (var (value, path) in listens)
        {
            if (value is null || !ListenAddress.TryParse(value, out var endpoint, out _))
            {
                continue;
            }
            if (seen.FirstOrDefault(s => Collide(s.Endpoint, endpoint)) is { Path: { } earlier })
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidAddress, $"'{value}' is also used by {earlier}",
                    manifest.Map.Value(path), "give each listener its own port");
            }
            seen.Add((endpoint, path));
        }
    }

    private static bool Collide(IPEndPoint a, IPEndPoint b) =>
        a.Port == b.Port && (a.Address.Equals(b.Address) || IsAny(a.Address) || IsAny(b.Address));

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
