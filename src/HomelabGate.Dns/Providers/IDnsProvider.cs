using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Providers;

/// <summary>One DNS backend (RFC 2136 server, Pi-hole, hosts file). It only reads and writes record sets;
/// deciding what to change and whose records these are is the reconciler's job.</summary>
public interface IDnsProvider
{
    /// <summary>A short name for messages, e.g. "rfc2136 127.0.0.1:5353 zone home.test".</summary>
    string Description { get; }

    DnsProviderCapabilities Capabilities { get; }

    Task<IReadOnlyList<DnsRecordSet>> ObserveAsync(DnsObservationScope scope, CancellationToken cancellationToken);

    Task ApplyAsync(IReadOnlyList<DnsChange> changes, CancellationToken cancellationToken);
}
