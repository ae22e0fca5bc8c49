using System.Security.Cryptography;
using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Hosts;
using Yarp.ReverseProxy.Configuration;

namespace HomelabGate.Proxy.Routing;

/// <summary>Maps desired hosts and pools onto YARP routes and clusters. Route ids carry a hash of the host's content, so
/// while a reload swaps YARP's routes and our behaviour table, an in-flight request always finds the behaviour of the
/// route it matched (old or new), never a mix.</summary>
public sealed class YarpConfigMapper(ClusterMapper clusters, HostBehaviorFactory behaviors)
{
    /// <summary>Respond and redirect hosts need a cluster for YARP's pipeline to run; it has no destinations because
    /// our middleware answers before load balancing.</summary>
    public const string InternalCluster = "hg:internal";

    public ProxyConfigSnapshot Map(DesiredState desired)
    {
        var routes = new List<RouteConfig>();
        var table = new Dictionary<string, HostBehavior>(StringComparer.Ordinal);
        foreach (var host in desired.All<ProxyHost>())
        {
            var behavior = behaviors.Create(host, desired);
            var hash = ContentHash(host, host.AccessList is null ? null : desired.Find<AccessList>(host.AccessList));
            var exact = host.Domains.Where(d => !d.StartsWith("*.", StringComparison.Ordinal)).ToList();
            var wildcard = host.Domains.Where(d => d.StartsWith("*.", StringComparison.Ordinal)).ToList();
            var cluster = host.Upstream ?? InternalCluster;
            foreach (var (domains, order, suffix) in new[] { (exact, 10, "exact"), (wildcard, 20, "wildcard") })
            {
                if (domains.Count == 0)
                {
                    continue;
                }
                foreach (var (location, index) in host.Locations.Select((l, i) => (l, i)))
                {
                    var id = $"{host.Name}/{suffix}/location-{index}/{hash}";
                    routes.Add(RouteFactory.Location(id, domains, location, order - 5, host));
                    table[id] = behavior with { Respond = null, Redirect = null };
                }
                var routeId = $"{host.Name}/{suffix}/{hash}";
                routes.Add(RouteFactory.Host(routeId, domains, order, cluster, host));
                table[routeId] = behavior;
            }
        }
        var clusterConfigs = desired.All<UpstreamPool>().Select(clusters.Map).ToList();
        clusterConfigs.Add(new ClusterConfig { ClusterId = InternalCluster });
        return new ProxyConfigSnapshot(routes, clusterConfigs, table);
    }

    private static string ContentHash(ProxyHost host, AccessList? accessList)
    {
        var text = $"{host}|{accessList}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }
}
