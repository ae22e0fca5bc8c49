using System.Net;
using ARSoft.Tools.Net.Dns;
using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Dns.Challenges;

/// <summary>Polls the given servers — the zone's authoritative servers, or resolvers named in the manifest — until
/// each returns the TXT value, within a bound. It never asks the system resolver: that one caches NXDOMAIN and
/// may point anywhere, while the CA asks the authoritative servers.</summary>
public sealed class AuthoritativePropagationCheck(IReadOnlyList<IPEndPoint> servers, TimeProvider time, TimeSpan pollInterval) : IDnsPropagationCheck
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public async Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var pending = servers.ToList();
        while (true)
        {
            var results = await Task.WhenAll(pending.Select(s => HasValueAsync(s, challenge, cancellationToken)));
            pending = pending.Where((_, i) => !results[i]).ToList();
            if (pending.Count == 0)
            {
                return true;
            }
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }
            await Task.Delay(remaining < pollInterval ? remaining : pollInterval, time, cancellationToken);
        }
    }

    private static async Task<bool> HasValueAsync(IPEndPoint server, Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        using var client = new DnsClient(
            [server.Address], [new UdpClientTransport(server.Port), new TcpClientTransport(server.Port)], true, (int)QueryTimeout.TotalMilliseconds);
        var response = await client.ResolveAsync(
            ArsoftRecords.Name(challenge.RecordName), RecordType.Txt, RecordClass.INet,
            new DnsQueryOptions { IsRecursionDesired = false }, cancellationToken);
        // No answer counts as "not yet": the next poll asks again.
        return response?.AnswerRecords.OfType<TxtRecord>().Any(r => string.Concat(r.TextParts) == challenge.Value) == true;
    }
}
