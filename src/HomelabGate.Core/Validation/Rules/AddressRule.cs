using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Net;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Listen addresses are an IP (or "localhost") and a port from 1 to 65535; stream targets are host:port.</summary>
public sealed class AddressRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var settings = manifest.Spec.Settings;
        var listens = new List<(string? Value, string Path)>
        {
            (settings.Listen?.Http, "settings.listen.http"), (settings.Listen?.Https, "settings.listen.https"), (settings.Admin, "settings.admin"),
        };
        listens.AddRange(manifest.Spec.Streams.Select(s => ((string?)s.Value.Listen, $"streams.{s.Key}.listen")));
        foreach (var (value, path) in listens)
        {
            if (value is not null && !ListenAddress.TryParse(value, out _, out var problem))
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidAddress, $"'{value}' is not a listen address: {problem}",
                    manifest.Map.Value(path), "write IP:PORT, e.g. 0.0.0.0:8443, [::]:443 or 100.64.0.10:443");
            }
        }
        foreach (var (name, stream) in manifest.Spec.Streams)
        {
            if (!HostPort.TryParse(stream.To, defaultPort: null, out _, out var problem))
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidAddress, $"'{stream.To}' is not host:port: {problem}",
                    manifest.Map.Value($"streams.{name}.to"), "write e.g. 192.168.1.20:22 (port 1-65535)");
            }
        }
    }
}
