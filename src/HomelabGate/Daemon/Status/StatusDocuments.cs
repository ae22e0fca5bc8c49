using HomelabGate.Rendering;
using HomelabGate.Status;

namespace HomelabGate.Daemon.Status;

/// <summary>Turns the daemon's snapshot and outcomes into the API's documents (<see cref="StatusDocument"/>,
/// <see cref="OutcomeDocument"/>).</summary>
public sealed class StatusDocuments(PlanJsonRenderer planJson, PlanTextRenderer planText)
{
    public StatusDocument Status(StatusSnapshot snapshot) => new(
        snapshot.StartedAt,
        snapshot.Ready,
        snapshot.ManifestPath,
        snapshot.ServingManifestHash,
        snapshot.ServingContentHash,
        !snapshot.ManifestInvalid,
        [.. snapshot.CurrentDiagnostics.Select(DiagnosticLine.Format)],
        [.. snapshot.Hosts.Select(h => new HostDocument(h.Name, h.Domains, h.Upstreams))],
        snapshot.Last is { } last ? Outcome(last) : null,
        [.. snapshot.Upstreams.Select(u => new UpstreamDocument(u.Name, [.. u.Targets.Select(t => new TargetDocument(t.Url, t.Health) { Problem = t.Problem })]) { Owner = u.Owner })],
        [.. snapshot.Certificates.Select(c => new CertificateDocument(c.Name, c.Condition, c.Message, c.Serving, c.NotAfter))],
        snapshot.Dns is { } dns ? new DnsDocument(dns.Provider, dns.Error, dns.Summary, [.. dns.Repaired.Select(DnsStatus.Describe)], dns.Conflicts) : null)
    {
        Cluster = snapshot.Cluster,
    };

    public OutcomeDocument Outcome(ReconcileOutcome outcome)
    {
        string? text = null;
        if (outcome.Plan is { } plan)
        {
            var writer = new StringWriter();
            planText.Render(plan, writer, color: false);
            text = writer.ToString();
        }
        return new OutcomeDocument(outcome.Result, outcome.Trigger, outcome.At, outcome.ManifestHash, outcome.Message,
            [.. outcome.Diagnostics.Select(DiagnosticLine.Format)],
            outcome.Plan is null ? null : planJson.ToJson(outcome.Plan),
            text,
            [.. outcome.Results.Select(r => new ChangeResultDocument(r.Change.Id.ToString(), r.Outcome, r.Detail))]);
    }
}
