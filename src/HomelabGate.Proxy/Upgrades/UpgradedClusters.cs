using System.Globalization;
using System.Runtime.CompilerServices;
using HomelabGate.Proxy.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Proxy.Upgrades;

/// <summary>Upgraded connections (a WebSocket over HTTP/1.1, or over HTTP/2 by extended CONNECT) stay open while both
/// ends keep them. YARP bounds every forwarded request by one activity timeout (the pool's <c>timeouts.response</c>,
/// else 100 s) that also cuts an upgraded connection idle that long — a Proxmox console, ttyd, code-server. So an
/// upgrade request is forwarded with a variant of its pool: the activity timeout is <c>timeouts.idleUpgraded</c> (none
/// by default), and the wait for the upstream's handshake answer keeps the pool's bound. Variants are made once per
/// pool configuration.</summary>
public sealed class UpgradedClusters
{
    private static readonly TimeSpan YarpDefaultActivity = TimeSpan.FromSeconds(100);
    private readonly ConditionalWeakTable<ClusterModel, ClusterModel> _variants = [];

    /// <summary>Cheap enough for every request: a header field and a method comparison, the rest only for upgrades.</summary>
    public static bool IsUpgrade(HttpContext context)
    {
        var request = context.Request;
        return request.Headers.Upgrade.Count > 0
            ? context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            : HttpMethods.IsConnect(request.Method) && context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;
    }

    public void Use(HttpContext context)
    {
        if (context.GetReverseProxyFeature() is ReverseProxyFeature proxy)
        {
            proxy.Cluster = _variants.GetValue(proxy.Cluster, Variant);
        }
    }

    private static ClusterModel Variant(ClusterModel pool)
    {
        var request = pool.Config.HttpRequest ?? ForwarderRequestConfig.Empty;
        var idle = pool.Config.Metadata is { } metadata && metadata.TryGetValue(HealthMetadata.IdleUpgraded, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : Timeout.InfiniteTimeSpan;
        var config = pool.Config with { HttpRequest = request with { ActivityTimeout = idle } };
        return new ClusterModel(config, new HandshakeBoundInvoker(pool.HttpClient, request.ActivityTimeout ?? YarpDefaultActivity));
    }
}
