using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Engine;

/// <summary>The DNS server the manifest names, as the engine sees it: observing reads the provider and plans the record
/// changes (never writes); the observation carries the prepared changes that apply then carries out, exactly.</summary>
public interface IDnsSystem
{
    Task<DnsObservation> ObserveAsync(DesiredState desired, CancellationToken cancellationToken);
}
