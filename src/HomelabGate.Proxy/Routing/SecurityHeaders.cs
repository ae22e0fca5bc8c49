using HomelabGate.Core.Desired;

namespace HomelabGate.Proxy.Routing;

/// <summary>The <c>securityHeaders: true</c> preset: safe defaults that do not break typical self-hosted apps
/// (SAMEORIGIN rather than DENY, because apps such as Home Assistant frame their own pages).</summary>
public static class SecurityHeaders
{
    public static IEnumerable<HeaderValue> For(ProxyHost host)
    {
        if (!host.SecurityHeaders)
        {
            yield break;
        }
        yield return new HeaderValue("X-Content-Type-Options", "nosniff");
        yield return new HeaderValue("Referrer-Policy", "strict-origin-when-cross-origin");
        yield return new HeaderValue("X-Frame-Options", "SAMEORIGIN");
    }
}
