using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Requests;
using Yarp.ReverseProxy.Configuration;

namespace HomelabGate.Proxy.Routing;

/// <summary>Builds one YARP route for a host (or one of its locations) with the host's header transforms. A host's
/// <c>timeout</c> becomes the route's request timeout, which ASP.NET's request-timeouts middleware enforces (504).</summary>
internal static class RouteFactory
{
    public static RouteConfig Host(string id, IReadOnlyList<string> domains, int order, string cluster, ProxyHost host) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = order,
        Match = new RouteMatch { Hosts = domains, Path = "/{**catch-all}" },
        Transforms = Transforms(host, strip: 0),
        MaxRequestBodySize = BodyLimit(host),
        Timeout = host.Timeout,
    };

    public static RouteConfig Location(string id, IReadOnlyList<string> domains, HostLocation location, int order, ProxyHost host) => new()
    {
        RouteId = id,
        ClusterId = location.Upstream,
        Order = order,
        Match = new RouteMatch { Hosts = domains, Path = $"{location.Path.TrimEnd('/')}/{{**rest}}" },
        Transforms = Transforms(host, location.StripPrefix ? Segments(location.Path) : 0),
        MaxRequestBodySize = BodyLimit(host),
        Timeout = host.Timeout,
    };

    /// <summary>No limit unless the host sets <c>maxBodySize</c> (YARP's -1), as Caddy and Traefik: Kestrel's own default
    /// of 30,000,000 bytes broke uploads to Nextcloud, Immich and Paperless with an empty 413.</summary>
    private static long BodyLimit(ProxyHost host) => host.MaxBodySize ?? -1;

    /// <summary>A location's prefix counted in path segments: what is stripped from the client's raw path.</summary>
    public static int Segments(string locationPath) => locationPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

    private static List<IReadOnlyDictionary<string, string>> Transforms(ProxyHost host, int strip)
    {
        // The client's path goes on byte for byte (less a stripped prefix); forwarding headers are set by
        // HostPolicyMiddleware, which knows whether the peer is a trusted proxy, so YARP's defaults are off.
        var transforms = new List<IReadOnlyDictionary<string, string>>
        {
            RawPathTransformFactory.Config(strip),
            new Dictionary<string, string> { ["X-Forwarded"] = "Off" },
        };
        // The client's Host goes on unless the host says preserveHost: false; an upstream's certificate is checked against
        // the target's own name (or tls.serverName) either way, so this is only about what the upstream sees.
        transforms.Add(new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = host.PreserveHost ? "true" : "false" });
        foreach (var header in host.RequestHeaders.Add)
        {
            transforms.Add(new Dictionary<string, string> { ["RequestHeader"] = header.Name, ["Set"] = header.Value });
        }
        foreach (var header in host.RequestHeaders.Remove)
        {
            transforms.Add(new Dictionary<string, string> { ["RequestHeaderRemove"] = header });
        }
        foreach (var header in host.ResponseHeaders.Add.Concat(SecurityHeaders.For(host)))
        {
            transforms.Add(new Dictionary<string, string> { ["ResponseHeader"] = header.Name, ["Set"] = header.Value, ["When"] = "Always" });
        }
        foreach (var header in host.ResponseHeaders.Remove)
        {
            transforms.Add(new Dictionary<string, string> { ["ResponseHeaderRemove"] = header, ["When"] = "Always" });
        }
        return transforms;
    }
}
