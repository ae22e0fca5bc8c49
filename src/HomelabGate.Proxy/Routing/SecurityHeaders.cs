using HomelabGate.Core.Desired;

namespace HomelabGate.Proxy.Routing;

/// <summary>The <c>securityHeaders: true</c> preset: safe defaults that do not break typical self-hosted apps
/// (SAMEORIGIN rather than DENY, because apps such as Home Assistant frame their own pages), plus the host's own
/// <c>contentSecurityPolicy</c>, which no preset can guess. Proxied answers get them from YARP transforms, answers the
/// gate makes itself from <see cref="Hosts.HostBehavior.LocalResponseHeaders"/>.</summary>
public static class SecurityHeaders
{
    public static IEnumerable<HeaderValue> For(ProxyHost host)
    {
        if (host.SecurityHeaders)
        {
            yield return new HeaderValue("X-Content-Type-Options", "nosniff");
            yield return new HeaderValue("Referrer-Policy", "strict-origin-when-cross-origin");
            yield return new HeaderValue("X-Frame-Options", "SAMEORIGIN");
        }
        if (host.ContentSecurityPolicy is { } policy)
        {
            yield return new HeaderValue("Content-Security-Policy", policy);
        }
    }
}
