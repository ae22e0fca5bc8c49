using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>What the schema cannot say about a host's proxy policies: a rate-limit window longer than zero, and
/// forward-auth header names that are HTTP tokens (they are set on the upstream request).</summary>
public sealed class HostPolicyRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, host) in manifest.Spec.Hosts)
        {
            if (host.RateLimit?.Window is { } window && Duration.TryParse(window, out var length) && length <= TimeSpan.Zero)
            {
                yield return Diagnostic.Error(DiagnosticCodes.OutOfRange, $"the rate-limit window of host '{name}' is zero",
                    manifest.Map.Value($"hosts.{name}.rateLimit.window"), "use a window such as 1s or 1m");
            }
            var copy = host.ForwardAuth?.CopyHeaders ?? [];
            for (var i = 0; i < copy.Count; i++)
            {
                if (copy[i].Length == 0 || copy[i].Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
                {
                    yield return Diagnostic.Error(DiagnosticCodes.InvalidHeader, $"'{copy[i]}' is not a valid header name",
                        manifest.Map.Value(ManifestPath.Item($"hosts.{name}.forwardAuth.copyHeaders", i)), "use letters, digits and '-', e.g. Remote-User");
                }
            }
        }
    }
}
