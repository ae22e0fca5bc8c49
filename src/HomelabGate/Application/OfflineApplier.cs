using HomelabGate.Certificates.Reconciling;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;
using HomelabGate.Integration;

namespace HomelabGate.Application;

/// <summary><c>gate apply</c> when no daemon runs: carries out what lives outside the daemon's process — DNS records,
/// then certificates — and records the desired state as applied, so the next <c>gate run</c> serves it.</summary>
public sealed class OfflineApplier(TimeProvider time, Func<string, DnsStep> dnsFor, Func<string, CertificateReconciler> certificatesFor)
{
    public async Task<OfflineApplyResult> ApplyAsync(DesiredState desired, string manifestHash, StateStore store, CancellationToken cancellationToken)
    {
        var current = store.LoadApplied()?.Desired ?? DesiredState.Empty;
        var plan = Planner.Plan(desired, current);
        var dns = await dnsFor(store.StateDir).RunAsync(desired, apply: true, cancellationToken);
        var certificates = await certificatesFor(store.StateDir).ReconcileAsync(desired, cancellationToken);
        var failedCertificates = certificates.Statuses.Where(s => s.Condition == CertificateCondition.Failed).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        // What failed is recorded as it was before, so the next plan still shows it as work to do.
        bool Failed(Resource r) => (r is DnsRecord && dns.Error is not null) || (r is Certificate c && failedCertificates.Contains(c.Name));
        var recorded = DesiredState.Of(desired.Resources.Where(r => !Failed(r)).Concat(current.Resources.Where(Failed)));
        store.SaveApplied(new AppliedState(recorded, manifestHash, time.GetUtcNow()));
        return new OfflineApplyResult(plan, dns, certificates.Statuses);
    }
}

/// <summary>What an offline apply did: the resource plan, what DNS did, and each certificate's status.</summary>
public sealed record OfflineApplyResult(Plan Plan, DnsStepResult Dns, IReadOnlyList<CertificateStatus> Certificates)
{
    public bool Failed => Dns.Error is not null || Certificates.Any(c => c.Condition == CertificateCondition.Failed);
}
