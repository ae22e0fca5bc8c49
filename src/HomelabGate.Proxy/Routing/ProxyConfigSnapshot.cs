using Yarp.ReverseProxy.Configuration;
using HomelabGate.Proxy.Hosts;

namespace HomelabGate.Proxy.Routing;

/// <summary>Everything the proxy serves for one desired state: YARP's routes and clusters, and what our own middleware
/// does per route (respond, redirect, access rules). Swapped as a unit.</summary>
public sealed record ProxyConfigSnapshot(
    IReadOnlyList<RouteConfig> Routes,
    IReadOnlyList<ClusterConfig> Clusters,
    IReadOnlyDictionary<string, HostBehavior> Behaviors);
