using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Challenges.Cloudflare;

/// <summary>DNS-01 through Cloudflare API v4: one TXT record per value (Cloudflare keeps apex and wildcard values
/// as separate records), and cleanup deletes only the record holding this value. Nothing is remembered between
/// Present and CleanUp, so a restart in between still cleans up.</summary>
public sealed class CloudflareDns01Solver(CloudflareClient client, CloudflareOptions options) : IDns01Solver
{
    public async Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        var (zoneId, name) = await LocateAsync(challenge, cancellationToken);
        var existing = await client.ListTxtAsync(zoneId, name, cancellationToken);
        if (!existing.Any(r => Matches(r.Content, challenge.Value)))
        {
            await client.CreateTxtAsync(zoneId, name, challenge.Value, options.Ttl, cancellationToken);
        }
    }

    public async Task CleanUpAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        var (zoneId, name) = await LocateAsync(challenge, cancellationToken);
        foreach (var record in (await client.ListTxtAsync(zoneId, name, cancellationToken)).Where(r => Matches(r.Content, challenge.Value)))
        {
            await client.DeleteAsync(zoneId, record.Id, cancellationToken);
        }
    }

    // Cloudflare may return TXT content wrapped in quotes.
    private static bool Matches(string content, string value) => content == value || content == $"\"{value}\"";

    private async Task<(string ZoneId, string Name)> LocateAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        var name = DnsNames.Relative(challenge.RecordName);
        var candidates = options.ZoneName is { } zone
            ? [DnsNames.Relative(zone)]
            : ParentZones(name);
        foreach (var candidate in candidates)
        {
            if (await client.FindZoneIdAsync(candidate, cancellationToken) is { } id)
            {
                return (id, name);
            }
        }
        throw new CloudflareException($"no Cloudflare zone visible to the token holds {name} (tried {string.Join(", ", candidates)})");
    }

    private static List<string> ParentZones(string name)
    {
        var labels = name.Split('.');
        // Skip the name itself (_acme-challenge...) and the bare TLD.
        return Enumerable.Range(1, Math.Max(0, labels.Length - 2)).Select(i => string.Join('.', labels[i..])).ToList();
    }
}
