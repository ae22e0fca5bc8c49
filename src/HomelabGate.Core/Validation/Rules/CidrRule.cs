using System.Net;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Allow/deny entries, trusted proxies and IP name constraints are IPs or CIDRs (IPv4 or IPv6); "all" matches any.</summary>
public sealed class CidrRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var lists = new List<(List<string>? Items, string Path, bool AllowAll)>
        {
            (manifest.Spec.Settings.TrustedProxies, "settings.trustedProxies", false),
        };
        foreach (var (name, list) in manifest.Spec.AccessLists)
        {
            lists.Add((list.Allow, $"accessLists.{name}.allow", true));
            lists.Add((list.Deny, $"accessLists.{name}.deny", true));
        }
        lists.AddRange(manifest.Spec.Issuers.Select(i => (i.Value.NameConstraints?.Ip, $"issuers.{i.Key}.nameConstraints.ip", false)));
        foreach (var (items, path, allowAll) in lists)
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                var entry = items![i];
                if (!(allowAll && entry == "all") && !IsIpOrCidr(entry))
                {
                    yield return Diagnostic.Error(DiagnosticCodes.InvalidCidr, $"'{entry}' is not an IP address or CIDR",
                        manifest.Map.Value(ManifestPath.Item(path, i)), "write e.g. 192.168.1.0/24, 100.64.0.0/10, fd00::/8 or 10.0.0.5" + (allowAll ? " (or all)" : ""));
                }
            }
        }
    }

    public static bool IsIpOrCidr(string entry) => IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry, out _);
}
