using HomelabGate.Core.Desired;
using HomelabGate.Core.State;

namespace HomelabGate.Core.Engine;

/// <summary>The certificate store and the sources that fill it (local CA, files, ACME). Observing says, per desired
/// certificate, whether it is due and why — the one decision every surface uses; applying issues exactly the certificates
/// the plan names and loads every certificate to serve.</summary>
public interface ICertificateSystem
{
    Task<IReadOnlyList<CertificateObservation>> ObserveAsync(DesiredState desired, ObservationScope scope, CancellationToken cancellationToken);

    /// <param name="issue">The certificates the plan issues or renews, with why; the others are loaded as stored.</param>
    /// <param name="permit">Checked right before each issuance: a replica that lost the leadership issues nothing.</param>
    Task<CertificateApplyResult> ApplyAsync(DesiredState desired, IReadOnlyDictionary<string, RenewalReason> issue, SideEffectPermit permit, CancellationToken cancellationToken);
}
