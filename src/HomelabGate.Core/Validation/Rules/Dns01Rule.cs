using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>An ACME issuer's DNS-01 provider has what it needs to publish a TXT record: RFC 2136 a server and the zone to
/// update, Cloudflare an API token (it finds the zone itself), exec a command. Said now, not as a failed order later.</summary>
public sealed class Dns01Rule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, issuer) in manifest.Spec.Issuers)
        {
            if (issuer.Dns01 is not { } dns01)
            {
                continue;
            }
            var missing = new (string Key, bool Present, string Hint)[]
            {
                ("server", dns01.Provider != "rfc2136" || dns01.Server is not null, "the primary that accepts updates, e.g. server: \"192.168.1.2:53\""),
                ("zone", dns01.Provider != "rfc2136" || !string.IsNullOrWhiteSpace(dns01.Zone), "the zone the certificate names live in, e.g. zone: example.com"),
                ("apiToken", dns01.Provider != "cloudflare" || dns01.ApiToken is not null, "a token with Zone:Read and DNS:Edit, e.g. apiToken: \"${env:CF_API_TOKEN}\""),
                ("command", dns01.Provider != "exec" || !string.IsNullOrWhiteSpace(dns01.Command), "a hook called as COMMAND present|cleanup FQDN VALUE"),
            };
            foreach (var (key, _, hint) in missing.Where(m => !m.Present))
            {
                yield return Diagnostic.Error(DiagnosticCodes.Dns01Settings, $"issuer '{name}' uses the {dns01.Provider} DNS-01 provider and needs dns01.{key}",
                    manifest.Map.Key($"issuers.{name}.dns01"), $"add {hint}");
            }
        }
    }
}
