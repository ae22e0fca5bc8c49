using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Validation.Rules;
using HomelabGate.Proxy.Access;
using HomelabGate.Proxy.ErrorPages;
using HomelabGate.Proxy.ForwardAuth;
using HomelabGate.Proxy.Limits;
using HomelabGate.Proxy.Requests;
using HomelabGate.Proxy.Routing;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Proxy.Hosts;

public sealed class HostBehaviorFactory(AccessGateFactory accessGates, ForwardAuthClient forwardAuth, ILogger<ForwardAuthGate> forwardAuthLog)
{
    public HostBehavior Create(ProxyHost host, DesiredState desired)
    {
        var httpsPort = desired.Settings.HttpsListen is { } https && ListenAddress.TryParse(https, out var endpoint, out _)
            ? endpoint.Port
            : 443;
        var accessList = host.AccessList is null ? null : desired.Find<AccessList>(host.AccessList);
        var clientAddress = new ClientAddressResolver(desired.Settings.TrustedProxies.SelectMany(AccessGate.Parse).ToList());
        var pages = HostErrorPages.For(host);
        return new HostBehavior(
            host.Name,
            pages,
            host.Respond is { } respond ? new PreparedResponse(respond.Status, respond.ContentType, Encoding.UTF8.GetBytes(respond.Body)) : null,
            host.Redirect,
            host.ForceHttps ? httpsPort : null,
            host.Hsts?.HeaderValue,
            accessList is null ? null : accessGates.Create(accessList, desired.Settings.TrustedProxies),
            // Proxied responses get these headers from YARP transforms; answers we make ourselves get them here.
            [.. host.ResponseHeaders.Add, .. SecurityHeaders.For(host)],
            clientAddress,
            host.Locations.Count == 0 ? PathGuard.None : new PathGuard([.. host.Locations.Select(l => l.Path.TrimEnd('/'))]),
            host.RateLimit is { } limit ? new ClientRateLimiter(limit, clientAddress) : null,
            host.ForwardAuth is { } auth
                ? new ForwardAuthGate(host.Name, new Uri(auth.Url), [.. auth.CopyHeaders], clientAddress, forwardAuth, pages, forwardAuthLog)
                : null,
            host.Compression,
            host.MaxBodySize);
    }
}
