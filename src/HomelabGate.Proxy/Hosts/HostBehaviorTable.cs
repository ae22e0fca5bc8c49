using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace HomelabGate.Proxy.Hosts;

/// <summary>Route id → behaviour, swapped atomically on reload. The previous table stays readable for one generation,
/// because YARP may still be finishing requests matched against the previous routes while the swap happens.</summary>
public sealed class HostBehaviorTable
{
    private Generation _current = new(FrozenDictionary<string, HostBehavior>.Empty, FrozenDictionary<string, HostBehavior>.Empty);

    public void Replace(IReadOnlyDictionary<string, HostBehavior> behaviors)
    {
        var before = Volatile.Read(ref _current);
        var next = new Generation(behaviors.ToFrozenDictionary(StringComparer.Ordinal), before.Current);
        Volatile.Write(ref _current, next);
        Release(before.Previous, next);
    }

    public bool TryGet(string routeId, [MaybeNullWhen(false)] out HostBehavior behavior)
    {
        var generation = Volatile.Read(ref _current);
        return generation.Current.TryGetValue(routeId, out behavior) || generation.Previous.TryGetValue(routeId, out behavior);
    }

    /// <summary>Rate limiters own a timer; those of the generation that is no longer readable are stopped.</summary>
    private static void Release(FrozenDictionary<string, HostBehavior> dropped, Generation kept)
    {
        var live = kept.Current.Values.Concat(kept.Previous.Values).Select(b => b.RateLimit).OfType<object>().ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var limiter in dropped.Values.Select(b => b.RateLimit).OfType<Limits.ClientRateLimiter>().Distinct())
        {
            if (!live.Contains(limiter))
            {
                limiter.Dispose();
            }
        }
    }

    private sealed record Generation(FrozenDictionary<string, HostBehavior> Current, FrozenDictionary<string, HostBehavior> Previous);
}
