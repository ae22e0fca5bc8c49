using System.Net;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>A local CA with name constraints signs only names inside them (DNS subtrees; IPs inside the listed ranges,
/// none when there are no ranges), and constraints need a DNS subtree to be applied at all. Said at validate time, not
/// as a refused issuance.</summary>
public sealed class NameConstraintRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (issuerName, issuer) in manifest.Spec.Issuers.Where(i => i.Value is { Type: "local-ca", NameConstraints: not null }))
        {
            var dns = (issuer.NameConstraints!.Dns ?? []).Select(Normalize).Where(d => d.Length > 0).ToList();
            var ranges = (issuer.NameConstraints.Ip ?? []).Select(Range).OfType<IPNetwork>().ToList();
            if (dns.Count == 0)
            {
                if (ranges.Count > 0)
                {
                    yield return Diagnostic.Error(DiagnosticCodes.OutsideNameConstraints, $"issuer '{issuerName}' constrains IP addresses but no DNS names, so no constraints are applied",
                        manifest.Map.Value($"issuers.{issuerName}.nameConstraints"), "add dns: [home.test] (the zone your certificates use) beside ip");
                }
                continue;
            }
            var shown = $"dns: {string.Join(", ", dns)}; ip: {(ranges.Count == 0 ? "none" : string.Join(", ", ranges))}";
            foreach (var (certificateName, certificate) in manifest.Spec.Certificates.Where(c => c.Value.Issuer == issuerName))
            {
                var domains = certificate.Domains ?? [];
                for (var i = 0; i < domains.Count; i++)
                {
                    if (!Permits(domains[i], dns, ranges))
                    {
                        yield return Diagnostic.Error(DiagnosticCodes.OutsideNameConstraints,
                            $"'{domains[i]}' of certificate '{certificateName}' is outside the name constraints of issuer '{issuerName}' ({shown})",
                            manifest.Map.Value(ManifestPath.Item($"certificates.{certificateName}.domains", i)),
                            $"use a name under them, or add it to issuers.{issuerName}.nameConstraints; the local CA cannot sign it");
                    }
                }
            }
        }
    }

    private static bool Permits(string domain, List<string> dns, List<IPNetwork> ranges)
    {
        if (IPAddress.TryParse(domain, out var address))
        {
            return ranges.Any(r => r.Contains(address));
        }
        var name = Normalize(domain);
        name = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        return dns.Any(subtree => name == subtree || name.EndsWith("." + subtree, StringComparison.Ordinal));
    }

    private static IPNetwork? Range(string cidr) =>
        IPNetwork.TryParse(cidr, out var network) ? network
        : IPAddress.TryParse(cidr, out var single) ? new IPNetwork(single, single.GetAddressBytes().Length * 8) : null;

    // As the local CA normalizes: a leading dot means "this name and below" too.
    private static string Normalize(string name) => name.Trim().TrimStart('.').TrimEnd('.').ToLowerInvariant();
}
