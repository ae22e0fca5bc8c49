using HomelabGate.Core.Engine;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Daemon.Metrics;
using HomelabGate.Daemon.Status;
using HomelabGate.Status;

namespace HomelabGate.Daemon;

/// <summary>What the daemon knows about itself, for /api/status and /readyz: the last outcome, the manifest's current
/// problems, and a short history of applies. Written by the reconcile loop only; read by request threads. Every outcome
/// passes through here, so the reconcile metrics are fed here too.</summary>
public sealed class DaemonStatus(TimeProvider time, ReconcileMetrics metrics)
{
    private const int HistoryLength = 50;
    private readonly object _gate = new();
    private readonly LinkedList<ReconcileOutcome> _history = new();
    private ReconcileOutcome? _last;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public bool Ready { get; private set; }

    public ReconcileOutcome? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Problems of the manifest on disk right now (empty when it is valid).</summary>
    public IReadOnlyList<Diagnostic> CurrentDiagnostics { get; private set; } = [];

    public string? ServingManifestHash { get; private set; }

    /// <summary><see cref="Core.Desired.DesiredState.ContentHash"/> of what the proxy serves: drift compares this, so a
    /// comment added to the manifest is not drift.</summary>
    public string? ServingContentHash { get; private set; }

    public void RecordServing(string contentHash, string? manifestHash = null)
    {
        lock (_gate)
        {
            ServingContentHash = contentHash;
            ServingManifestHash = manifestHash ?? ServingManifestHash;
            Ready = true;
        }
    }

    /// <param name="duration">How long the reconcile took, for the duration histogram.</param>
    public void Record(ReconcileOutcome outcome, TimeSpan duration)
    {
        metrics.Observe(outcome, duration);
        lock (_gate)
        {
            _last = outcome;
            CurrentDiagnostics = outcome.Diagnostics;
            if (outcome.Result != ReconcileResult.Unchanged)
            {
                _history.AddFirst(outcome);
                if (_history.Count > HistoryLength)
                {
                    _history.RemoveLast();
                }
            }
        }
    }

    public IReadOnlyList<CertificateStatus> Certificates { get; private set; } = [];

    public void RecordCertificates(IReadOnlyList<CertificateStatus> statuses) => Certificates = statuses;

    public DnsStatus? Dns { get; private set; }

    public void RecordDns(DnsStatus? dns) => Dns = dns;

    public IReadOnlyList<ReconcileOutcome> History()
    {
        lock (_gate)
        {
            return [.. _history];
        }
    }
}
