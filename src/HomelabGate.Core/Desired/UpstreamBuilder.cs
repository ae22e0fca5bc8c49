using System.Globalization;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class UpstreamBuilder
{
    /// <param name="healthCheck">A host's own <c>healthCheck</c>, for the pool made from its <c>to:</c>.</param>
    public static UpstreamPool Inline(string name, string url, HealthCheckSpec? healthCheck) =>
        new() { Name = name, Targets = new([new UpstreamTarget(url, 1)]), Inline = true, HealthCheck = healthCheck is null ? null : HealthCheck(healthCheck) };

    public static UpstreamPool Build(string name, UpstreamSpec spec, ManifestFolder folder) => new()
    {
        Name = name,
        Targets = new(spec.Targets.Select(t => new UpstreamTarget(t.Url, t.Weight ?? 1))),
        LoadBalancing = spec.LoadBalancing switch
        {
            "least-requests" => LoadBalancing.LeastRequests,
            "random" => LoadBalancing.Random,
            "power-of-two" => LoadBalancing.PowerOfTwo,
            "first" => LoadBalancing.First,
            "round-robin" or null => LoadBalancing.RoundRobin,
            // The schema allows only the names above; anything else here is a bug, not a user's typo.
            var other => throw new ArgumentOutOfRangeException(nameof(spec), other, "unknown loadBalancing"),
        },
        HealthCheck = spec.HealthCheck is { } check ? HealthCheck(check) : null,
        PassiveHealth = spec.PassiveHealth is { } passive
            ? new PassiveHealthCheck(passive.ConsecutiveFailures ?? PassiveHealthCheck.Default.ConsecutiveFailures,
                Duration.Parse(passive.Reactivation) ?? PassiveHealthCheck.Default.Reactivation)
            : null,
        StickyCookie = spec.Sticky is null ? null : spec.Sticky.Cookie ?? "hg_affinity",
        ConnectTimeout = Duration.Parse(spec.Timeouts?.Connect),
        ResponseTimeout = Duration.Parse(spec.Timeouts?.Response),
        IdleUpgradedTimeout = Duration.Parse(spec.Timeouts?.IdleUpgraded),
        Tls = spec.Tls is { } tls ? new UpstreamTls(tls.SkipVerify ?? false, folder.File(tls.Ca), tls.ServerName) : UpstreamTls.Default,
    };

    private static ActiveHealthCheck HealthCheck(HealthCheckSpec spec)
    {
        var (min, max) = StatusRange(spec.ExpectStatus);
        return new ActiveHealthCheck(spec.Path ?? "/", Duration.Parse(spec.Interval) ?? TimeSpan.FromSeconds(10),
            Duration.Parse(spec.Timeout) ?? TimeSpan.FromSeconds(5), min, max, spec.HealthyThreshold ?? 1, spec.UnhealthyThreshold ?? 2);
    }

    /// <summary>"200-399", "200" or nothing (any 2xx or 3xx).</summary>
    internal static (int Min, int Max) StatusRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (200, 399);
        }
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        var min = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (min, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : min);
    }
}
