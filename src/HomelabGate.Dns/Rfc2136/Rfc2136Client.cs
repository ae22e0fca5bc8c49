using ARSoft.Tools.Net.Dns;
using HomelabGate.Core.Secrets;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>Speaks RFC 2136 (dynamic update), TSIG-signed AXFR and plain authoritative queries to one server.
/// UDP first; ARSoft resends over TCP when an answer is truncated, and AXFR always uses TCP.</summary>
public sealed class Rfc2136Client(Rfc2136ServerOptions options, ISecretResolver secrets, TimeProvider time)
{
    private static readonly TimeSpan Fudge = TimeSpan.FromMinutes(5);

    public Rfc2136ServerOptions Options => options;

    /// <summary>Sends one atomic update; throws <see cref="Rfc2136Exception"/> with a clear message unless NOERROR.</summary>
    public async Task UpdateAsync(Rfc2136Update update, CancellationToken cancellationToken)
    {
        if (update.IsEmpty)
        {
            return;
        }
        var operation = $"update of {string.Join(", ", update.Names)}";
        var message = update.ToMessage(options.Zone);
        Sign(message);
        var response = await SendAsync(client => client.SendUpdateAsync(message, cancellationToken), operation, cancellationToken);
        if (response.ReturnCode != ReturnCode.NoError)
        {
            throw ResponseCodeErrors.ToException(response, operation, options);
        }
    }

    /// <summary>The RRset of one name and type as the authoritative server holds it, or null if there is none.</summary>
    public async Task<DnsRecordSet?> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        var domain = ArsoftRecords.Name(name);
        var queryOptions = new DnsQueryOptions { IsRecursionDesired = false };
        var operation = $"query for {DnsNames.Absolute(name)} {type}";
        var response = await SendAsync(
            client => client.ResolveAsync(domain, ArsoftRecords.Type(type), RecordClass.INet, queryOptions, cancellationToken),
            operation, cancellationToken);
        if (response.ReturnCode is not (ReturnCode.NoError or ReturnCode.NxDomain))
        {
            throw ResponseCodeErrors.ToException(response, operation, options);
        }
        // A query for A at a CNAME returns the CNAME (and maybe its target); keep only the exact RRset asked for.
        var matching = response.AnswerRecords.Where(r => r.Name.Equals(domain) && r.RecordType == ArsoftRecords.Type(type));
        return ArsoftRecords.ToRecordSets(matching).SingleOrDefault();
    }

    /// <summary>Every managed-type RRset at one name (one query per type; ANY is unreliable since RFC 8482).</summary>
    public async Task<IReadOnlyList<DnsRecordSet>> QueryNameAsync(string name, CancellationToken cancellationToken)
    {
        var sets = new List<DnsRecordSet>();
        foreach (var type in Enum.GetValues<DnsRecordType>())
        {
            if (await QueryAsync(name, type, cancellationToken) is { } set)
            {
                sets.Add(set);
            }
        }
        return sets;
    }

    /// <summary>A TSIG-signed AXFR of the zone, as record sets of the managed types (SOA and NS are left out).</summary>
    public async Task<IReadOnlyList<DnsRecordSet>> TransferZoneAsync(CancellationToken cancellationToken)
    {
        var operation = "zone transfer (AXFR)";
        var message = new DnsMessage { IsRecursionDesired = false };
        message.Questions.Add(new DnsQuestion(ArsoftRecords.Name(options.Zone), RecordType.Axfr, RecordClass.INet));
        Sign(message);
        var response = await SendAsync(client => client.SendMessageAsync(message, cancellationToken), operation, cancellationToken);
        if (response.ReturnCode != ReturnCode.NoError)
        {
            throw ResponseCodeErrors.ToException(response, operation, options);
        }
        return ArsoftRecords.ToRecordSets(response.AnswerRecords);
    }

    private void Sign(DnsMessageBase message)
    {
        if (options.Key is not { } key)
        {
            return;
        }
        var secret = Convert.FromBase64String(secrets.Resolve(key.Secret));
        message.TSigOptions = new TSigRecord(
            ArsoftRecords.Name(key.Name), TsigAlgorithms.Parse(key.Algorithm), time.GetUtcNow().UtcDateTime,
            Fudge, message.TransactionID, ReturnCode.NoError, null, secret);
    }

    private async Task<T> SendAsync<T>(Func<DnsClient, Task<T?>> send, string operation, CancellationToken cancellationToken)
        where T : DnsMessageBase
    {
        using var client = new DnsClient(
            [options.Server.Address],
            [new UdpClientTransport(options.Server.Port), new TcpClientTransport(options.Server.Port)],
            true,
            (int)options.Timeout.TotalMilliseconds);
        using var deadline = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        T? response;
        try
        {
            response = await send(client).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response = null;
        }
        // ARSoft answers null when nothing (valid) came back: no listener, a timeout, or a multi-message AXFR it cannot read.
        return response ?? throw ResponseCodeErrors.NoAnswer(operation, options);
    }
}
