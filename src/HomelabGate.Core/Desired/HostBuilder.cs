using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class HostBuilder
{
    public static ProxyHost Build(string name, HostSpec spec, SettingsSpec settings, ManifestFolder folder) => new()
    {
        Name = name,
        Domains = new(spec.Domains.Select(DesiredStateBuilder.NormalizeDomain).Distinct().Order(StringComparer.Ordinal)),
        Upstream = spec.Upstream ?? (spec.To is null ? null : DesiredStateBuilder.InlinePoolName(name)),
        Respond = spec.Respond is { } respond
            ? new RespondAction(respond.Status ?? 200, respond.Body ?? "", respond.ContentType ?? "text/plain; charset=utf-8")
            : null,
        Redirect = spec.Redirect is { } redirect
            ? new RedirectAction(redirect.To.TrimEnd('/'), redirect.Status ?? 301, redirect.PreservePath ?? true)
            : null,
        Certificate = spec.Certificate,
        AccessList = spec.AccessList,
        ForceHttps = spec.ForceHttps ?? false,
        Hsts = Hsts(spec.Hsts),
        Locations = new((spec.Locations ?? []).Select((l, i) => new HostLocation(
            "/" + l.Path.Trim('/'), l.Upstream ?? DesiredStateBuilder.InlineLocationPoolName(name, i), l.StripPrefix ?? false))),
        RequestHeaders = Headers(spec.Headers?.Request),
        ResponseHeaders = Headers(spec.Headers?.Response),
        SecurityHeaders = spec.SecurityHeaders ?? false,
        ContentSecurityPolicy = spec.ContentSecurityPolicy,
        PreserveHost = spec.PreserveHost ?? true,
        MaxBodySize = Duration.ParseSize(spec.MaxBodySize),
        ForwardAuth = spec.ForwardAuth is { } auth
            ? new ForwardAuthPolicy(auth.Url, new((auth.CopyHeaders ?? []).Distinct(StringComparer.OrdinalIgnoreCase)))
            : null,
        RateLimit = spec.RateLimit is { } limit
            ? new RateLimitPolicy(limit.Requests, Duration.Parse(limit.Window) ?? RateLimitPolicy.DefaultWindow)
            : null,
        Compression = spec.Compression ?? false,
        Timeout = Duration.Parse(spec.Timeout) is { } timeout && timeout > TimeSpan.Zero ? timeout : null,
        ErrorPages = ErrorPagesBuilder.Build(settings.ErrorPages, spec.ErrorPages, folder),
    };

    private static HstsPolicy? Hsts(HstsSpec? spec) => spec is { Enabled: true }
        ? new HstsPolicy((long)(Duration.Parse(spec.MaxAge) ?? TimeSpan.FromDays(365)).TotalSeconds, spec.IncludeSubDomains ?? false, spec.Preload ?? false)
        : null;

    private static HeaderRules Headers(HeaderOperationsSpec? spec) => spec is null
        ? HeaderRules.None
        : new HeaderRules(
            new((spec.Add ?? []).Select(h => new HeaderValue(h.Key, h.Value))),
            new((spec.Remove ?? []).Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal)));
}
