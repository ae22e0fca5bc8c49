using HomelabGate.Core.Desired;
using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using Yarp.ReverseProxy.Configuration;

namespace HomelabGate.Proxy;

/// <summary>Owns the running proxy: checks a new configuration with YARP's own validator, then swaps routes, clusters and
/// host behaviours. A configuration YARP rejects never replaces the one being served.</summary>
public sealed class ProxyReconciler(
    YarpConfigMapper mapper,
    InMemoryConfigProvider yarp,
    IConfigValidator validator,
    HostBehaviorTable behaviors,
    DefaultSiteHolder defaultSite,
    Health.TargetFailures failures)
{
    public DesiredState? Serving { get; private set; }

    /// <returns>Problems YARP found (empty when the new configuration is being served).</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        ProxyConfigSnapshot snapshot;
        try
        {
            snapshot = mapper.Map(desired);
        }
        catch (Exception e) when (e is Core.Secrets.SecretUnavailableException or FormatException or IOException or UnauthorizedAccessException)
        {
            return [e.Message];
        }
        var problems = new List<string>();
        foreach (var route in snapshot.Routes)
        {
            problems.AddRange((await validator.ValidateRouteAsync(route)).Select(e => $"route {route.RouteId}: {e.Message}"));
        }
        foreach (var cluster in snapshot.Clusters)
        {
            problems.AddRange((await validator.ValidateClusterAsync(cluster)).Select(e => $"upstream {cluster.ClusterId}: {e.Message}"));
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (problems.Count > 0)
        {
            return problems;
        }
        // Behaviours first: the table keeps the previous generation, so requests on old routes still find theirs.
        behaviors.Replace(snapshot.Behaviors);
        defaultSite.Current = desired.Settings.DefaultSite;
        yarp.Update(snapshot.Routes, snapshot.Clusters);
        failures.Retain(desired.All<UpstreamPool>().SelectMany(p => p.Targets.Select(t => (p.Name, t.Url))).ToHashSet());
        Serving = desired;
        return [];
    }
}
