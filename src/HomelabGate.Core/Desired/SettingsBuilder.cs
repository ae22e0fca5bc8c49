using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class SettingsBuilder
{
    public static GatewaySettings Build(SettingsSpec spec)
    {
        var site = spec.DefaultSite;
        return new GatewaySettings
        {
            HttpListen = spec.Listen is null ? GatewaySettings.DefaultHttp : spec.Listen.Http,
            HttpsListen = spec.Listen?.Https,
            AdminListen = spec.Admin ?? GatewaySettings.DefaultAdmin,
            AdminToken = spec.AdminToken,
            DefaultSite = site is null
                ? DefaultSite.NotFound
                : new DefaultSite(site.Status ?? (site.Redirect is null ? 404 : 302), site.Body ?? "",
                    site.ContentType ?? "text/html; charset=utf-8", site.Redirect, site.Close ?? false),
            TrustedProxies = ValueList.From(spec.TrustedProxies),
            AccessLog = spec.AccessLog ?? true,
            DefaultCertificate = spec.DefaultCertificate,
        };
    }
}
