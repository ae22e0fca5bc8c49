using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;

namespace HomelabGate.Core.Engine;

/// <summary>The one plan → apply engine. Every surface goes through it — the daemon's reconciles, <c>gate apply</c>,
/// <c>gate plan</c>, <c>gate drift</c> and the status page — so they cannot disagree. Observe reads each system, the pure
/// <see cref="Planner"/> compares, and apply carries out exactly the plan: DNS, then certificates, then the proxy; the
/// applied state records only what succeeded (<see cref="AppliedStateRecorder"/>). Side effects (DNS writes, issuing)
/// and recording are the leader's: this is the one place that asks the <see cref="ILeaderLock"/>; a follower applies
/// the proxy part only and serves the certificates the leader stored.</summary>
public sealed class GateEngine(IDnsSystem dns, ICertificateSystem certificates, IProxySystem proxy, StateStore store, ILeaderLock leadership, TimeProvider time)
{
    private static readonly IReadOnlyDictionary<string, RenewalReason> NothingToIssue = new Dictionary<string, RenewalReason>();

    public StateStore Store { get; } = store;

    public async Task<Observation> ObserveAsync(DesiredState desired, ObservationScope scope, CancellationToken cancellationToken)
    {
        var applied = Store.LoadApplied()?.Desired ?? DesiredState.Empty;
        var dnsObservation = desired.Settings.Dns is null ? DnsObservation.NotConfigured
            : scope == ObservationScope.Local ? DnsObservation.NotRead(DnsObservationStatus.Skipped, desired.Settings.Dns.Type.ManifestName(), "not asked (--no-refresh)")
            : await dns.ObserveAsync(desired, cancellationToken).ConfigureAwait(false);
        var certificateObservations = await certificates.ObserveAsync(desired, scope, cancellationToken).ConfigureAwait(false);
        return new Observation(applied, proxy.Observe(), dnsObservation, certificateObservations);
    }

    public async Task<(Observation Observed, Plan Plan)> PlanAsync(DesiredState desired, ObservationScope scope, CancellationToken cancellationToken)
    {
        var observed = await ObserveAsync(desired, scope, cancellationToken).ConfigureAwait(false);
        return (observed, Planner.Plan(desired, observed));
    }

    /// <summary>Carries out <paramref name="plan"/> (made from <paramref name="observed"/>) and records the result.</summary>
    /// <param name="manifestHash">Recorded with the state; null leaves the applied state file untouched (serving an
    /// earlier state at start).</param>
    public async Task<ApplyResult> ApplyAsync(DesiredState desired, Observation observed, Plan plan, string? manifestHash, CancellationToken cancellationToken)
    {
        var permit = await leadership.PermitAsync(cancellationToken).ConfigureAwait(false);
        var follower = permit is null ? Deferral(leadership.View) : null;
        var dnsOutcome = permit is null ? new DnsOutcome(observed.Dns, null) : await ApplyDnsAsync(observed.Dns, plan, permit, cancellationToken).ConfigureAwait(false);
        var issue = permit is null ? NothingToIssue : plan.Of(ResourceKind.Certificate)
            .Where(c => c.Action != ChangeAction.Delete)
            .Select(c => observed.Certificate(c.Id.Name))
            .OfType<CertificateObservation>()
            .Where(o => o.ShouldIssue)
            .ToDictionary(o => o.Name, o => o.Due!, StringComparer.Ordinal);
        var certificateResult = await certificates.ApplyAsync(desired, issue, permit ?? SideEffectPermit.Sole, cancellationToken).ConfigureAwait(false);
        var proxyProblems = await proxy.ApplyAsync(desired, certificateResult.Served, cancellationToken).ConfigureAwait(false);

        var failedCertificates = certificateResult.Statuses.Where(s => s.Condition == CertificateCondition.Failed).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var results = plan.Changes.Select(change => Result(change, observed, dnsOutcome, certificateResult, proxyProblems, follower)).ToList();
        var recorded = AppliedStateRecorder.Record(desired, observed.Applied, dnsOutcome.Error is null, failedCertificates, proxyProblems.Count == 0);
        string? recordError = null;
        if (manifestHash is not null && permit is not null)
        {
            try
            {
                await Store.SaveAppliedAsync(new AppliedState(recorded, manifestHash, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
            catch (StateStorageException e)
            {
                recordError = e.Message;
            }
        }
        return new ApplyResult(plan, results, dnsOutcome, certificateResult, proxyProblems, recorded) { RecordError = recordError };
    }

    /// <summary>On a replica of a shared store, serves the certificates as stored now (the leader renewed one): no side
    /// effect, nothing recorded; the proxy swaps only what changed. A state directory has no other writer: nothing to do.</summary>
    public async Task<CertificateApplyResult?> ServeStoredAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        if (!leadership.Shared)
        {
            return null;
        }
        var result = await certificates.ApplyAsync(desired, NothingToIssue, SideEffectPermit.Sole, cancellationToken).ConfigureAwait(false);
        await proxy.ApplyAsync(desired, result.Served, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Why a replica without a permit leaves the side effects: another one leads, or the shared store is degraded.</summary>
    private static string Deferral(LeadershipView view) => view.Degraded
        ? $"the cluster store is degraded ({view.Problem}); side effects wait until it answers again"
        : $"replica {view.Leader ?? "(none yet)"} leads and carries this out";

    private static ChangeResult Result(ResourceChange change, Observation observed, DnsOutcome dns, CertificateApplyResult certificates,
        IReadOnlyList<string> proxyProblems, string? follower)
    {
        if (follower is not null && (change.Id.Kind == ResourceKind.DnsRecord || (change.Id.Kind == ResourceKind.Certificate && observed.Certificate(change.Id.Name)?.Due is not null)))
        {
            return new ChangeResult(change, ChangeOutcome.Deferred, follower);
        }
        string? error = change.Id.Kind switch
        {
            ResourceKind.DnsRecord => dns.Error,
            ResourceKind.Certificate => certificates.Statuses.FirstOrDefault(s => s.Name == change.Id.Name && s.Condition == CertificateCondition.Failed)?.Message,
            ResourceKind.Issuer => null,
            ResourceKind.Settings or ResourceKind.Upstream or ResourceKind.AccessList or ResourceKind.Host => proxyProblems.Count > 0 ? string.Join("; ", proxyProblems) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Id.Kind, null),
        };
        if (error is not null)
        {
            return new ChangeResult(change, ChangeOutcome.Failed, error);
        }
        return change.Id.Kind == ResourceKind.Certificate && observed.Certificate(change.Id.Name)?.Waiting is { } waiting
            ? new ChangeResult(change, ChangeOutcome.Deferred, waiting)
            : new ChangeResult(change, ChangeOutcome.Succeeded);
    }

    private static async Task<DnsOutcome> ApplyDnsAsync(DnsObservation observation, Plan plan, SideEffectPermit permit, CancellationToken cancellationToken)
    {
        var pending = plan.Of(ResourceKind.DnsRecord).Any();
        if (observation.Status != DnsObservationStatus.Observed)
        {
            // Not read: nothing can be written safely; pending record changes stay pending.
            return new DnsOutcome(observation, pending && observation.IsConfigured ? observation.Problem : null);
        }
        if (observation.Prepared is null)
        {
            return new DnsOutcome(observation, null);
        }
        try
        {
            permit.ThrowIfLost("writing DNS records");
            await observation.Prepared.ApplyAsync(cancellationToken).ConfigureAwait(false);
            return new DnsOutcome(observation, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return new DnsOutcome(observation, e.Message);
        }
    }
}
