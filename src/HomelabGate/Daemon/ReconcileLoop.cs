using System.Diagnostics;
using System.Threading.Channels;
using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Daemon.Status;
using HomelabGate.Rendering;
using HomelabGate.Status;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon;

/// <summary>The daemon's single writer: every trigger (file change, timer, SIGHUP, <c>gate apply</c>) goes through one
/// queue, and one reconcile runs at a time: load → validate → observe → plan → apply → record, all through the
/// <see cref="GateEngine"/> that <c>gate plan</c> and <c>gate drift</c> use too. An invalid manifest or a configuration
/// the proxy rejects leaves the last good one serving.</summary>
public sealed class ReconcileLoop(
    ManifestPipeline pipeline,
    GatePaths paths,
    GateEngine engine,
    DaemonStatus status,
    BootSettings boot,
    DiagnosticRenderer diagnostics,
    TimeProvider time,
    ILogger<ReconcileLoop> logger)
{
    private readonly Channel<PendingRequest> _requests = Channel.CreateUnbounded<PendingRequest>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(string trigger) => _requests.Writer.TryWrite(new PendingRequest(trigger, null));

    public Task<ReconcileOutcome> RequestAndWaitAsync(string trigger, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<ReconcileOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite(new PendingRequest(trigger, waiter));
        return waiter.Task.WaitAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await _requests.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Coalesce a burst of triggers into one reconcile; everyone waiting gets its outcome.
            var batch = new List<PendingRequest>();
            while (_requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }
            var outcome = await ReconcileOnceAsync(batch[0].Trigger, cancellationToken).ConfigureAwait(false);
            foreach (var request in batch)
            {
                request.Waiter?.TrySetResult(outcome);
            }
        }
    }

    /// <summary>Serves a previously applied state as it is, when the manifest on disk is invalid at start: its routes and
    /// its certificates (from the store, renewed if due). DNS is left alone until a valid manifest says otherwise, and
    /// nothing is recorded: the applied state already says this.</summary>
    public async Task ServeAppliedAsync(DesiredState applied, CancellationToken cancellationToken)
    {
        var (observed, plan) = await engine.PlanAsync(applied, ObservationScope.Local, cancellationToken).ConfigureAwait(false);
        var result = await engine.ApplyAsync(applied, observed, plan, manifestHash: null, cancellationToken).ConfigureAwait(false);
        status.RecordCertificates(result.Certificates.Statuses);
        if (result.ProxyProblems.Count > 0)
        {
            DaemonLog.ProxyRejected(logger, string.Join("; ", result.ProxyProblems));
            return;
        }
        status.RecordServing(applied.ContentHash());
    }

    public async Task<ReconcileOutcome> ReconcileOnceAsync(string trigger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ReconcileOutcome outcome;
        try
        {
            outcome = await ReconcileCoreAsync(trigger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever went wrong, the loop must live on: the next file change, signal or timer gets another try.
            DaemonLog.ReconcileFailed(logger, e.Message, e);
            outcome = new ReconcileOutcome(ReconcileResult.Failed, trigger, time.GetUtcNow(), null, null, status.CurrentDiagnostics, e.Message);
        }
        if (outcome is { Result: ReconcileResult.Applied or ReconcileResult.Failed, Plan: { } plan })
        {
            var (add, change, destroy) = PlanTextRenderer.Count(plan);
            var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Result == ReconcileResult.Applied)
            {
                DaemonLog.Applied(logger, add, change, destroy, trigger, milliseconds);
            }
            else
            {
                DaemonLog.AppliedInPart(logger, add, change, destroy, trigger, milliseconds);
            }
        }
        status.Record(outcome, Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    private async Task<ReconcileOutcome> ReconcileCoreAsync(string trigger, CancellationToken cancellationToken)
    {
        var result = pipeline.Run(paths);
        var now = time.GetUtcNow();
        if (!result.Succeeded)
        {
            var text = new StringWriter();
            diagnostics.Render(result.Load.Diagnostics, result.Load.Source, text);
            DaemonLog.Invalid(logger, text.ToString().TrimEnd());
            return new ReconcileOutcome(ReconcileResult.Invalid, trigger, now, null, null, result.Load.Diagnostics, "the manifest is invalid");
        }
        var wasInvalid = status.Last?.Result == ReconcileResult.Invalid;
        foreach (var warning in result.Load.Diagnostics)
        {
            DaemonLog.ManifestWarning(logger, $"{warning.Location}: warning {warning.Code}: {warning.Summary}");
        }
        var desired = result.Desired!;
        var hash = result.Load.Manifest!.ContentHash;
        if (boot.Describe(desired.Settings, result.StateDir!) is { } restartNeeded)
        {
            DaemonLog.ListenersNeedRestart(logger, restartNeeded);
        }
        var (observed, plan) = await engine.PlanAsync(desired, ObservationScope.Full, cancellationToken).ConfigureAwait(false);
        if (!plan.HasChanges)
        {
            RecordSystems(observed.Dns, plan, null);
            if (await engine.ServeStoredAsync(desired, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                status.RecordCertificates(stored.Statuses);
            }
            if (wasInvalid)
            {
                DaemonLog.ValidAgain(logger, paths.ManifestPath);
            }
            DaemonLog.Unchanged(logger, trigger);
            status.RecordServing(desired.ContentHash(), hash);
            return new ReconcileOutcome(ReconcileResult.Unchanged, trigger, now, hash, plan, result.Load.Diagnostics, null);
        }
        var applied = await engine.ApplyAsync(desired, observed, plan, hash, cancellationToken).ConfigureAwait(false);
        RecordSystems(observed.Dns, plan, applied);
        Log(applied);
        if (applied.RecordError is { } recordError)
        {
            DaemonLog.RecordFailed(logger, recordError);
        }
        var failed = applied.Failed.ToList();
        if (applied.ProxyProblems.Count == 0)
        {
            status.RecordServing(desired.ContentHash(), hash);
            DaemonLog.Serving(logger, desired.All<ProxyHost>().Count(), paths.ManifestPath, hash[..12]);
        }
        var result2 = failed.Count > 0 ? ReconcileResult.Failed : applied.Changed ? ReconcileResult.Applied : ReconcileResult.Unchanged;
        var message = failed.Count > 0 ? string.Join("; ", failed.Select(f => $"{f.Change.Id}: {f.Detail}").Distinct()) : null;
        return new ReconcileOutcome(result2, trigger, now, hash, plan, result.Load.Diagnostics, message) { Results = applied.Results };
    }

    private void RecordSystems(DnsObservation dns, Core.Planning.Plan plan, ApplyResult? applied)
    {
        status.RecordDns(DnsStatus.From(applied?.Dns ?? new DnsOutcome(dns, null), plan));
        if (applied is not null)
        {
            status.RecordCertificates(applied.Certificates.Statuses);
        }
    }

    private void Log(ApplyResult applied)
    {
        if (applied.Dns.Error is { } dnsError)
        {
            DaemonLog.DnsFailed(logger, applied.Dns.Observation.Provider, dnsError);
        }
        else if (applied.Dns.Observation is { Status: DnsObservationStatus.Observed, Changes.Count: > 0 } dns)
        {
            DaemonLog.DnsApplied(logger, dns.Provider, dns.Changes.Count, dns.Changes.Count(c => c.Drift is not null), dns.Conflicts.Count);
        }
        foreach (var certificate in applied.Certificates.Statuses.Where(s => s.Condition == CertificateCondition.Failed))
        {
            DaemonLog.CertificateFailed(logger, certificate.Name, certificate.Message);
        }
        if (applied.ProxyProblems.Count > 0)
        {
            DaemonLog.ProxyRejected(logger, string.Join("; ", applied.ProxyProblems));
        }
    }

    private sealed record PendingRequest(string Trigger, TaskCompletionSource<ReconcileOutcome>? Waiter);
}
