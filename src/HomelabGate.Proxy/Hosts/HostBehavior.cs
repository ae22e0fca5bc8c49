using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.ErrorPages;
using HomelabGate.Proxy.ForwardAuth;
using HomelabGate.Proxy.Limits;
using HomelabGate.Proxy.Requests;

namespace HomelabGate.Proxy.Hosts;

/// <summary>What our middleware does for one route before YARP forwards (or instead of forwarding): prepared once per
/// reload so the request path only reads fields.</summary>
public sealed record HostBehavior(
    string HostName,
    HostErrorPages Pages,
    PreparedResponse? Respond,
    RedirectAction? Redirect,
    int? ForceHttpsPort,
    string? Hsts,
    AccessGate? Access,
    IReadOnlyList<HeaderValue> LocalResponseHeaders,
    ClientAddressResolver ClientAddress,
    PathGuard Paths,
    ClientRateLimiter? RateLimit = null,
    ForwardAuthGate? ForwardAuth = null,
    bool Compress = false,
    long? MaxBodySize = null);

/// <summary>A respond host's answer with its body encoded once.</summary>
public sealed record PreparedResponse(int Status, string ContentType, byte[] Body);
