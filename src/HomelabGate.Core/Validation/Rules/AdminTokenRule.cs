using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>An admin listener other machines can reach (0.0.0.0, [::], ::ffff:0.0.0.0 or a LAN address) needs
/// <c>settings.adminToken</c>: without one, reconcile and status would be open to the network.</summary>
public sealed class AdminTokenRule : IManifestRule
{
    public bool NeedsCompleteManifest => true;

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var settings = manifest.Spec.Settings;
        if (settings.Admin is { } admin && settings.AdminToken is null && ListenAddress.TryParse(admin, out var endpoint, out _)
            && !LocalAddress.IsLoopback(endpoint.Address))
        {
            yield return Diagnostic.Error(DiagnosticCodes.AdminWithoutToken,
                $"the admin listener '{admin}' is reachable from other machines but settings.adminToken is not set",
                manifest.Map.Value("settings.admin"),
                "add adminToken: \"${env:HOMELABGATE_ADMIN_TOKEN}\" under settings (gate status sends $HOMELABGATE_ADMIN_TOKEN), or listen on 127.0.0.1");
        }
    }
}
