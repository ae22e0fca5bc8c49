using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Dns.Challenges;

/// <summary>Publishes DNS-01 values with RFC 2136. It adds one TXT value and removes only that value, because
/// the apex and the wildcard of a name share one _acme-challenge RRset (replacing it, as lego does, breaks one of them).</summary>
public sealed class Rfc2136Dns01Solver(Rfc2136Client client, int ttl = 60) : IDns01Solver
{
    public Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken) =>
        client.UpdateAsync(new Rfc2136Update().AddValues(Txt(challenge)), cancellationToken);

    public Task CleanUpAsync(Dns01Challenge challenge, CancellationToken cancellationToken) =>
        client.UpdateAsync(new Rfc2136Update().DeleteValues(Txt(challenge)), cancellationToken);

    private DnsRecordSet Txt(Dns01Challenge challenge) => DnsRecordSet.Create(challenge.RecordName, DnsRecordType.TXT, ttl, challenge.Value);
}
