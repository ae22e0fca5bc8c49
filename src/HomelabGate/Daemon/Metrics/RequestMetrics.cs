using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using HomelabGate.Proxy.Hosts;
using HomelabGate.Proxy.Routing;
using Prometheus;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Metrics;

/// <summary><c>homelabgate_requests_total{host,status_class,upstream}</c>. The request path pays one reference lookup
/// and one interlocked add: each route's five label children (1xx…5xx) are created the first time the route is seen
/// and found again by the route object, so no label string is built or hashed per request; no exemplar is taken
/// (prometheus-net would otherwise read the current trace context on every increment). Routes of an older
/// configuration drop out of the lookup with the configuration; their series stay, as counters should.</summary>
public sealed class RequestMetrics
{
    /// <summary>The host label of requests for names no host claims (the default site).</summary>
    public const string DefaultSiteHost = "(default)";

    /// <summary>The upstream label of requests answered by gate itself (respond, redirect, access denied, default site).</summary>
    public const string NoUpstream = "(none)";

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly Counter _requests;
    private readonly HostBehaviorTable _hosts;
    private readonly ConditionalWeakTable<RouteModel, Counter.Child[]> _byRoute = new();
    private readonly ConcurrentDictionary<(string Host, string Upstream), Counter.Child[]> _byLabels = new();
    private readonly Counter.Child[] _defaultSite;

    public RequestMetrics(CollectorRegistry registry, HostBehaviorTable hosts)
    {
        _hosts = hosts;
        _requests = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("homelabgate_requests_total",
            "Requests answered on the proxy listeners, by manifest host, status class and upstream pool.",
            new CounterConfiguration { LabelNames = ["host", "status_class", "upstream"], ExemplarBehavior = ExemplarBehavior.NoExemplars() });
        _defaultSite = Children(DefaultSiteHost, NoUpstream);
    }

    /// <param name="route">The YARP route the request matched, or null when it went to the default site.</param>
    public void Count(RouteModel? route, int status)
    {
        var children = route is null ? _defaultSite : _byRoute.GetValue(route, ChildrenFor);
        children[Math.Clamp(status / 100, 1, 5) - 1].Inc();
    }

    /// <summary>Requests and 5xx answers per host since start, read from the counter itself (what /metrics reports).</summary>
    public IReadOnlyDictionary<string, Status.HostTraffic> ByHost()
    {
        var totals = new Dictionary<string, (double All, double ServerErrors)>(StringComparer.Ordinal);
        foreach (var labels in _requests.GetAllLabelValues())
        {
            var value = _requests.WithLabels(labels).Value;
            var (all, errors) = totals.GetValueOrDefault(labels[0]);
            totals[labels[0]] = (all + value, errors + (labels[1] == "5xx" ? value : 0));
        }
        return totals.ToDictionary(t => t.Key, t => new Status.HostTraffic((long)t.Value.All, (long)t.Value.ServerErrors), StringComparer.Ordinal);
    }

    private Counter.Child[] ChildrenFor(RouteModel route)
    {
        var config = route.Config;
        var host = _hosts.TryGet(config.RouteId, out var behavior) ? behavior.HostName : config.RouteId.Split('/')[0];
        var upstream = config.ClusterId is null or YarpConfigMapper.InternalCluster ? NoUpstream : config.ClusterId;
        return Children(host, upstream);
    }

    private Counter.Child[] Children(string host, string upstream) =>
        _byLabels.GetOrAdd((host, upstream), key => [.. StatusClasses.Select(c => _requests.WithLabels(key.Host, c, key.Upstream))]);
}
