using System.Diagnostics;
using System.Threading.Channels;
using HomelabGate.Application;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;
using HomelabGate.Certificates.Reconciling;
using HomelabGate.Integration;
using HomelabGate.Proxy;
using HomelabGate.Proxy.Tls;
using HomelabGate.Rendering;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon;

/// <summary>The daemon's single writer: every trigger (file change, timer, SIGHUP, <c>gate apply</c>) goes through one
/// queue, and one reconcile runs at a time: load → validate → plan → apply → record. An invalid manifest or a
/// configuration the proxy rejects leaves the last good one serving.</summary>
public sealed class ReconcileLoop(
    ManifestPipeline pipeline,
    GatePaths paths,
    ProxyReconciler proxy,
    DnsStep dns,
    CertificateReconciler certificates,
    SniSelector sni,
    StateStore store,
    DaemonStatus status,
    BootSettings boot,
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
    /// its certificates (from the store, renewed if due). DNS is left alone until a valid manifest says otherwise.</summary>
    public async Task ServeAppliedAsync(DesiredState applied, CancellationToken cancellationToken)
    {
        var certificateResult = await certificates.ReconcileAsync(applied, cancellationToken).ConfigureAwait(false);
        status.RecordCertificates(certificateResult.Statuses);
        var problems = await proxy.ApplyAsync(applied, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            DaemonLog.ProxyRejected(logger, string.Join("; ", problems));
            return;
        }
        sni.Replace(SniEntries.Build(applied, certificateResult.Served));
        status.MarkReady();
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
        if (outcome is { Result: ReconcileResult.Applied, Plan: { } plan })
        {
            DaemonLog.Applied(logger, plan.ToAdd, plan.ToChange, plan.ToDestroy, trigger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
            new DiagnosticRenderer().Render(result.Load.Diagnostics, result.Load.Source, text);
            DaemonLog.Invalid(logger, text.ToString().TrimEnd());
            return new ReconcileOutcome(ReconcileResult.Invalid, trigger, now, null, null, result.Load.Diagnostics, "the manifest is invalid");
        }
        foreach (var warning in result.Load.Diagnostics)
        {
            DaemonLog.ManifestWarning(logger, $"{warning.Location}: warning {warning.Code}: {warning.Summary}");
        }
        var desired = result.Desired!;
        var hash = result.Load.Manifest!.ContentHash;
        // DNS first: names must resolve before an ACME CA or a client looks them up.
        var dnsResult = await dns.RunAsync(desired, apply: true, cancellationToken).ConfigureAwait(false);
        status.RecordDns(dnsResult);
        if (dnsResult.Error is { } dnsError)
        {
            DaemonLog.DnsFailed(logger, dnsResult.Provider, dnsError);
        }
        else if (dnsResult.Plan is { HasChanges: true } dnsPlan)
        {
            DaemonLog.DnsApplied(logger, dnsResult.Provider, dnsPlan.Summary, dnsPlan.Drift.Count, dnsPlan.Conflicts.Count);
        }
        // Certificates before the proxy, so a new host's certificate exists when its route goes live; this also runs
        // when nothing else changed, because renewals are due by time, not by edits.
        var certificateResult = await certificates.ReconcileAsync(desired, cancellationToken).ConfigureAwait(false);
        status.RecordCertificates(certificateResult.Statuses);
        if (proxy.Serving is { } serving && serving.Equals(desired))
        {
            if (certificateResult.Changed)
            {
                sni.Replace(SniEntries.Build(desired, certificateResult.Served));
                DaemonLog.CertificatesSwapped(logger, certificateResult.Served.Count);
            }
            DaemonLog.Unchanged(logger, trigger);
            return new ReconcileOutcome(ReconcileResult.Unchanged, trigger, now, hash, Planner.Plan(desired, serving), result.Load.Diagnostics, null);
        }
        var current = proxy.Serving ?? store.LoadApplied()?.Desired ?? DesiredState.Empty;
        var plan = Planner.Plan(desired, current);
        if (boot.Describe(desired.Settings, result.StateDir!) is { } restartNeeded)
        {
            DaemonLog.ListenersNeedRestart(logger, restartNeeded);
        }
        var problems = await proxy.ApplyAsync(desired, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            var message = string.Join("; ", problems);
            DaemonLog.ProxyRejected(logger, message);
            return new ReconcileOutcome(ReconcileResult.Failed, trigger, now, hash, plan, result.Load.Diagnostics, message);
        }
        sni.Replace(SniEntries.Build(desired, certificateResult.Served));
        store.SaveApplied(new AppliedState(desired, hash, now));
        DaemonLog.Serving(logger, desired.All<ProxyHost>().Count(), paths.ManifestPath, hash[..12]);
        return new ReconcileOutcome(ReconcileResult.Applied, trigger, now, hash, plan, result.Load.Diagnostics, null);
    }

    private sealed record PendingRequest(string Trigger, TaskCompletionSource<ReconcileOutcome>? Waiter);
}
