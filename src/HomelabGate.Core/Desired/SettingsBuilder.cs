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
            Cluster = ClusterSettings.From(spec.Cluster),
            Dns = dns?.Provider is { } provider ? new DnsProviderSettings
            {
                Type = ProviderType(provider.Type), Server = provider.Server, Zone = provider.Zone?.TrimEnd('.').ToLowerInvariant(),
                Tsig = CertificateBuilder.Tsig(provider.Tsig, folder),
                Url = provider.Url, Password = folder.Secret(provider.Password), Path = folder.File(provider.Path), ReloadCommand = provider.ReloadCommand,
                OwnerId = spec.DnsOwnerId ?? "homelabgate",
            } : null,
            Notifications = spec.Notifications is { } notifications ? Notifications(notifications) : null,
        };
    }

    private static NotificationSettings Notifications(NotificationsSpec spec) => new()
    {
        Url = spec.Webhook.Url,
        Headers = new((spec.Webhook.Headers ?? []).Select(h => new HeaderValue(h.Key, h.Value))),
        Events = new(spec.Events is { } events
            ? events.Select(e => Enum.Parse<NotificationEvent>(e.Replace("-", "", StringComparison.Ordinal), ignoreCase: true)).Order()
            : Enum.GetValues<NotificationEvent>()),
        TargetDownAfter = Duration.Parse(spec.TargetDownAfter) ?? NotificationSettings.DefaultTargetDownAfter,
    };

    /// <summary>The schema allows only these three; anything else is a bug upstream, not a reason to guess.</summary>
    private static DnsProviderType ProviderType(string type) => type switch
    {
        "rfc2136" => DnsProviderType.Rfc2136,
        "pihole" => DnsProviderType.Pihole,
        "hosts-file" => DnsProviderType.HostsFile,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "the schema admits no other DNS provider"),
    };
}
