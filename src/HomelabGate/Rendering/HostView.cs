using System.Text.RegularExpressions;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>A host's attributes as its manifest entry reads: the pool made from an inline <c>to:</c> (named
/// <c>host:jellyfin</c> inside) shows as <c>to = "http://…"</c>, a location's as <c>locations[0].to</c>. Internal pool
/// names never show.</summary>
public static partial class HostView
{
    /// <summary>The value shown for an inline pool that this plan does not touch (so it is the same on both sides).</summary>
    public const string Unchanged = "(unchanged)";

    /// <summary>Which host an inline pool belongs to and where its URL is written there ("to", "locations[0].to");
    /// null for a pool the user named.</summary>
    public static (string Host, string Key)? Owner(ResourceChange change)
    {
        if ((change.After ?? change.Before) is not UpstreamPool { Inline: true } pool)
        {
            return null;
        }
        var rest = pool.Name.StartsWith(Prefix, StringComparison.Ordinal) ? pool.Name[Prefix.Length..] : pool.Name;
        return LocationPool().Match(rest) is { Success: true } location
            ? (location.Groups["host"].Value, $"locations[{location.Groups["index"].Value}].to")
            : (rest, "to");
    }

    /// <summary>One side (before or after) of a host entry: the host's own attributes with its inline pools' URLs in
    /// place of their names, plus any attribute of such a pool that is not at its default.</summary>
    /// <param name="pools">This side's inline pools of the host that the plan changes, with their keys.</param>
    public static IReadOnlyList<ShownAttribute> Attributes(ProxyHost? host, IReadOnlyList<(UpstreamPool Pool, string Key)> pools)
    {
        var shown = new List<ShownAttribute>();
        var byName = pools.ToDictionary(p => p.Pool.Name, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        if (host is not null)
        {
            foreach (var (key, value) in ResourceAttributes.Flatten(host))
            {
                if (IsPoolReference(key, value) is { } reference)
                {
                    var poolKey = key == "upstream" ? "to" : key[..^"upstream".Length] + "to";
                    if (byName.TryGetValue(reference, out var pool))
                    {
                        shown.AddRange(Pool(pool.Pool, poolKey));
                        placed.Add(reference);
                    }
                    else
                    {
                        shown.Add(new ShownAttribute(poolKey, Unchanged, null, poolKey));
                    }
                    continue;
                }
                shown.Add(new ShownAttribute(key, value, host, key));
            }
        }
        foreach (var (pool, key) in pools.Where(p => !placed.Contains(p.Pool.Name)))
        {
            shown.AddRange(Pool(pool, key));
        }
        return shown;
    }

    /// <summary>"to = url", then the pool's other attributes under the same place (a location's under its index).</summary>
    private static IEnumerable<ShownAttribute> Pool(UpstreamPool pool, string key)
    {
        yield return new ShownAttribute(key, ResourceAttributes.Flatten(pool).FirstOrDefault(a => a.Key == "targets[0].url").Value ?? Unchanged, null, key);
        var prefix = key == "to" ? "" : key[..^"to".Length];
        foreach (var (path, value) in ResourceAttributes.Flatten(pool).Where(a => !a.Key.StartsWith("targets[", StringComparison.Ordinal) && a.Key != "inline"))
        {
            yield return new ShownAttribute(prefix + path, value, pool, path);
        }
    }

    /// <summary>The inline pool a host attribute names ("upstream", "locations[0].upstream"), or null.</summary>
    private static string? IsPoolReference(string key, string value) =>
        (key == "upstream" || (key.StartsWith("locations[", StringComparison.Ordinal) && key.EndsWith("].upstream", StringComparison.Ordinal)))
        && value.StartsWith($"\"{Prefix}", StringComparison.Ordinal)
            ? value.Trim('"')
            : null;

    private static string Prefix => DesiredStateBuilder.InlinePoolName("");

    [GeneratedRegex(@"^(?<host>[^/]+)/location-(?<index>\d+)$")]
    private static partial Regex LocationPool();
}

/// <summary>An attribute as a plan shows it, and where it comes from (to tell whether it is at its default).</summary>
/// <param name="Origin">The resource it belongs to; null for a value made for display (an inline pool's URL).</param>
public sealed record ShownAttribute(string Key, string Value, Resource? Origin, string OriginKey);
