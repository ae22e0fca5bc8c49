using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class SettingsBuilder
{
    public static GatewaySettings Build(SettingsSpec spec, DnsSpec? dns, ManifestFolder folder)
    {
        var site = spec.DefaultSite;
        return new GatewaySettings
        {
            HttpListen = spec.Listen is null ? GatewaySettings.DefaultHttp : spec.Listen.Http,
            HttpsListen = spec.Listen?.Https,
            AdminListen = spec.Admin ?? GatewaySettings.DefaultAdmin,
            AdminToken = folder.Secret(spec.AdminToken),
            DefaultSite = site is null
                ? DefaultSite.NotFound
                : new DefaultSite(site.Status ?? (site.Redirect is null ? 404 : 302), site.Body ?? "",
                    site.ContentType ?? "text/html; charset=utf-8", site.Redirect, site.Close ?? false),
            TrustedProxies = ValueList.From(spec.TrustedProxies),
            AccessLog = spec.AccessLog ?? true,
            DefaultCertificate = spec.DefaultCertificate,
            Dns = dns?.Provider is { } provider ? new DnsProviderSettings
            {
                Type = provider.Type, Server = provider.Server, Zone = provider.Zone?.TrimEnd('.').ToLowerInvariant(),
                TsigName = provider.Tsig?.Name, TsigAlgorithm = provider.Tsig?.Algorithm ?? "hmac-sha256", TsigSecret = folder.Secret(provider.Tsig?.Secret),
                Url = provider.Url, Password = folder.Secret(provider.Password), Path = folder.File(provider.Path), ReloadCommand = provider.ReloadCommand,
                OwnerId = spec.DnsOwnerId ?? "homelabgate",
            } : null,
        };
    }
}
