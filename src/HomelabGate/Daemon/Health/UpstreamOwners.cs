using HomelabGate.Core.Desired;
using HomelabGate.Proxy;

namespace HomelabGate.Daemon.Health;

/// <summary>Names a pool the way its manifest does: by the host that uses it ("host jellyfin", "host nextcloud, location
/// /push"), or by its own name and its hosts when several share it ("upstream media (hosts jellyfin, plex)"). The pool
/// made from a host's <c>to:</c> has an internal name that is never shown.</summary>
public sealed class UpstreamOwners(ProxyReconciler proxy)
{
    public string Describe(string pool)
    {
        var users = (proxy.Serving?.All<ProxyHost>() ?? [])
            .SelectMany(h => Uses(h, pool))
            .ToList();
        return users switch
        {
            [var only] => only,
            [] => $"upstream {pool}",
            _ => $"upstream {pool} ({string.Join(", ", users)})",
        };
    }

    private static IEnumerable<string> Uses(ProxyHost host, string pool)
    {
        if (host.Upstream == pool)
        {
            yield return $"host {host.Name}";
        }
        foreach (var location in host.Locations.Where(l => l.Upstream == pool))
        {
            yield return $"host {host.Name}, location {location.Path}";
        }
    }
}
